"""Local video files: probing headers, exact frames and filmstrip thumbnails, with PyAV.

No Qt here: pictures are plain rgb24 bytes with their size, for the UI to wrap. Nothing is
imported here, so a light module of this package (``index_store``) does not load PyAV: import
what you need from its module (``media.probe``, ``media.frames``, ``media.filmstrip``).
"""

"""Local video files: probing headers, exact frames and filmstrip thumbnails, with PyAV.

No Qt here: pictures are plain rgb24 bytes with their size, for the UI to wrap.
"""

from kokoon_desktop.media.filmstrip import Filmstrip, ThumbnailCache, slot_targets
from kokoon_desktop.media.frames import FrameReader, RgbImage
from kokoon_desktop.media.probe import MediaError, MediaInfo, probe

__all__ = [
    "Filmstrip",
    "FrameReader",
    "MediaError",
    "MediaInfo",
    "RgbImage",
    "ThumbnailCache",
    "probe",
    "slot_targets",
]

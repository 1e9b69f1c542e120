"""The window's flows: what happens when a user submits, uploads, downloads or quits.

The window builds and lays out widgets; each flow here connects to the widgets it serves and
drives the services of the open session. Start with :mod:`.session_host` (the session and the
background work), then the flow named after what the user does.
"""

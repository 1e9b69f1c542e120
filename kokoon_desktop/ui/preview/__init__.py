"""The preview: the local copy of a source (frames and filmstrip pictures decoded off the UI
thread), the view that shows its frame, and the pane that ties them to the timeline."""

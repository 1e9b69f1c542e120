"""The timeline: the widget (its painting and its input apart), its look, its key map and the
shortcuts overlay drawn from it, the binding to the form's range, and playback."""

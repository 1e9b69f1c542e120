"""The compare view: before and after, frame-exact, three ways to look."""

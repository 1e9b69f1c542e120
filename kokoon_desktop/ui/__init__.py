"""Widgets, view models and dialogs: the only place Qt widgets live."""

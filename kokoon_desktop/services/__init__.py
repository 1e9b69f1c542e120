"""Async orchestration without widgets: connecting, submitting, tracking, transferring."""

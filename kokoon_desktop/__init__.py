"""Kokoon Desktop: a client for the Kokoon cloud video super-resolution API v3."""

__version__ = "0.1.0"

"""Tests of the pure domain layer (a package, so test module names cannot clash across folders)."""

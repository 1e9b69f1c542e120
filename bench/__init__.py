"""Benchmarks of Kokoon Desktop, each compared with a reference measured in the same run."""

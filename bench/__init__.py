"""Benchmarks that drive the real `councilbot` process against the fake Bot API with flood
control on, and write their numbers to bench/RESULTS.md (see bench/README.md)."""

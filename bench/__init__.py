"""The load and scale benchmark (`make bench`): see docs/benchmarks.md."""

"""Benchmarks of skillrevival's cost to its users (run with ``make bench``).

Every figure is the median of repeated runs, and every comparison is the median of ratios
measured side by side in the same round, because the machines are shared and noisy.
"""

"""Reliability suite: quick by default (CI); scripts/reliability.py runs the full versions.

Hypothesis profiles of this suite (registered in reliability/strategies.py): "ci" (200 examples,
the default) and "full" (10,000): `HYPOTHESIS_PROFILE=full pytest tests/reliability`.
"""

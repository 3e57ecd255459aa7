"""Scorers for each extractor over gold sets, and the CI gate over pinned floors."""

"""frontlines.claims"""

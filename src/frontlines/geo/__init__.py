"""frontlines.geo"""

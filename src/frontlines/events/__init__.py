"""frontlines.events"""

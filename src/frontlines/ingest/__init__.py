"""frontlines.ingest"""

"""frontlines: sourced, geocoded, structured conflict events from war reporting."""

__version__ = "0.1.0"

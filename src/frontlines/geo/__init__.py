"""frontlines.geo: offline geocoding (gazetteer, toponyms, resolver, region phrases).

``Geocoder.default().geoparse(doc, offset)`` gives the ``Place`` records of a
document; ``locate_event`` picks an event's place among them.
"""

from .geocoder import Geocoder, ensure_gazetteer
from .locate import locate_event

__all__ = ["Geocoder", "ensure_gazetteer", "locate_event"]

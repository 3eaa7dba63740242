"""Places: the offline gazetteer (GeoNames extracts) and the toponym resolver."""

from polemos.geo.gazetteer import Candidate, Gazetteer, get_gazetteer
from polemos.geo.resolve import Context, Resolution, resolve

__all__ = ["Candidate", "Context", "Gazetteer", "Resolution", "get_gazetteer", "resolve"]

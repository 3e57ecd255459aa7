"""The model as the pipeline's first stage runs it (sentence bounds, tags, NER; no parser).

Used when claims run on their own (the eval, ``attribute_text``); inside the
batch the pipeline's docs are passed in instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import load_model


@lru_cache(maxsize=1)
def claims_nlp() -> Language:
    nlp = load_model()
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def analyse_texts(texts: Sequence[str], parse: bool = False) -> list[Doc]:
    """Docs as the pipeline's first stage makes them; ``parse``: also run the parser."""
    return list(claims_nlp().pipe(texts, disable=[] if parse else ["parser"]))

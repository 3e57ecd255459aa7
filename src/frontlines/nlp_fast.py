"""Exact, faster stand-ins for two rule pipes of the English model.

The model's ``attribute_ruler`` runs a ``Matcher`` of ~180 patterns over every
token, and its ``lemmatizer`` caches only some of its answers; together they
cost about a sixth of stage 1. Both are pure functions of a few token
attributes, so we memoise them per distinct input and keep the originals'
semantics to the letter:

- ``FastAttributeRuler``: a one-token pattern matches a token or not by the
  token's own attributes; we ask the original matcher once per distinct
  (ORTH, TAG) on a one-token doc and remember the answer. Patterns of two or
  more tokens still run through a (small) ``Matcher`` over the doc. Matches
  are applied in the original's order (by rule number), with spaCy's own
  ``set_token_attrs``. Docs with a dependency parse, or rule sets using
  attributes this cannot key on, go to the original ruler.
- ``FastLemmatizer``: the rule lemmatizer's answer depends only on
  (ORTH, POS, MORPH); we remember it for every triple, where spaCy skips its
  cache for base forms (most tokens).

``tests/test_nlp_fast.py`` checks token-for-token equality with the originals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

FAST_RULER = "frontlines_fast_attribute_ruler_v1"
FAST_LEMMATIZER = "frontlines_fast_lemmatizer_v1"

# Token-level pattern keys whose value is fixed by (ORTH, TAG) before the ruler
# runs (DEP is empty then; docs with a parse take the original path).
_KEYED_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "IS_SPACE", "DEP", "LENGTH"})
_MEMO_LIMIT = 500_000  # distinct keys kept before a memo starts afresh
# What the rules may set, for the whole-token memo (read back and written as arrays).
_SET_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)


class FastAttributeRuler:
    """The model's attribute ruler, memoised per (ORTH, TAG) for one-token rules."""

    def __init__(self, original: Any) -> None:
        self.original = original
        self.vocab = original.vocab
        self._attrs: list[dict[Any, Any]] = original.attrs
        self._indices: list[int] = original.indices
        self._single = Matcher(self.vocab)
        self._multi = Matcher(self.vocab)
        self.exact = True
        for attr_id, pattern in enumerate(original.patterns):
            for tokens in pattern["patterns"]:
                keys = {k.upper() for tok in tokens for k in tok}
                if not keys <= _KEYED_ATTRS:
                    self.exact = False
                target = self._single if len(tokens) == 1 else self._multi
                target.add(str(attr_id), [tokens])
        self._memo: dict[tuple[int, int], tuple[int, ...]] = {}
        # (ORTH, *_SET_ATTRS before) -> _SET_ATTRS after, for docs no multi-token rule touches
        self._final: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._composable = all(set(a) <= set(_SET_ATTRS) for a in self._attrs)

    def _single_rules(self, orth: int, tag: int) -> tuple[int, ...]:
        """Rule numbers whose one-token pattern matches a token with this ORTH and TAG."""
        key = (orth, tag)
        found = self._memo.get(key)
        if found is None:
            strings = self.vocab.strings
            probe = Doc(self.vocab, words=[strings[orth]], spaces=[False])
            if tag:
                probe[0].tag = tag
            found = tuple(
                sorted(
                    {int(strings[m_id]) for m_id, _s, _e in self._single(probe, allow_missing=True)}
                )
            )
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact or doc.has_annotation("DEP"):
            result: Doc = self.original(doc)
            return result
        strings = self.vocab.strings
        multi = self._multi(doc, allow_missing=True)
        if not multi and self._composable:
            return self._apply_composed(doc)
        arr = doc.to_array([ORTH, TAG]).tolist()
        # (rule number, token index) pairs, applied in rule order like the original
        todo: list[tuple[int, int]] = []
        for i, (orth, tag) in enumerate(arr):
            for attr_id in self._single_rules(orth, tag):
                todo.append((attr_id, i))
        for m_id, start, end in multi:
            attr_id = int(strings[m_id])
            todo.append((attr_id, Span(doc, start, end)[self._indices[attr_id]].i))
        todo.sort()
        attrs = self._attrs
        for attr_id, i in todo:
            set_token_attrs(doc[i], attrs[attr_id])
        return doc

    def _apply_composed(self, doc: Doc) -> Doc:
        """Only one-token rules apply: a token's result follows from its ORTH and
        its attributes before the ruler, so remember it whole."""
        final = self._final
        rows = doc.to_array([ORTH, *_SET_ATTRS]).tolist()
        out: list[tuple[int, ...]] = []
        for i, row in enumerate(rows):
            key = tuple(row)
            after = final.get(key)
            if after is None:
                token = doc[i]
                for attr_id in self._single_rules(row[0], row[1]):
                    set_token_attrs(token, self._attrs[attr_id])
                morph: Any = token.morph  # spaCy stubs lack MorphAnalysis.key
                after = (token.tag, token.pos, morph.key, token.lemma, token.dep)
                if len(final) >= _MEMO_LIMIT:
                    final.clear()
                final[key] = after
            out.append(after)
        if out:
            table: Any = numpy.array(out, dtype=numpy.uint64)
            doc.from_array(list(_SET_ATTRS), table)
        return doc


class FastLemmatizer:
    """The model's rule lemmatizer, memoised per (ORTH, POS, MORPH)."""

    def __init__(self, original: Any) -> None:
        self.original = original
        self.vocab = original.vocab
        self._lemmatize: Callable[[Any], list[str]] = original.lemmatize
        self.exact = original.mode == "rule" and not original.overwrite
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact:
            result: Doc = self.original(doc)
            return result
        strings = self.vocab.strings
        memo = self._memo
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas: list[int] = []
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:  # not set by the attribute ruler's exceptions
                key = (orth, pos, morph)
                lemma = memo.get(key, 0)
                if not lemma:
                    lemma = strings.add(self._lemmatize(doc[i])[0])
                    if len(memo) >= _MEMO_LIMIT:
                        memo.clear()
                    memo[key] = lemma
                changed = True
            lemmas.append(lemma)
        if changed:
            column: Any = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
            doc.from_array([LEMMA], column)
        return doc


@Language.factory(FAST_RULER)
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Wraps the pipeline's enabled ``attribute_ruler`` (add it before that one)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory(FAST_LEMMATIZER)
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """Wraps the pipeline's ``lemmatizer`` (add it before that one)."""
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def use_fast_rule_pipes(nlp: Language) -> None:
    """Swap the model's attribute ruler and lemmatizer for the memoised ones
    (the originals stay in the pipeline, disabled)."""
    for original, factory in (("attribute_ruler", FAST_RULER), ("lemmatizer", FAST_LEMMATIZER)):
        if original in nlp.pipe_names and factory not in nlp.pipe_names:
            nlp.add_pipe(factory, before=original)
            nlp.disable_pipe(original)


__all__ = ["FastAttributeRuler", "FastLemmatizer", "use_fast_rule_pipes"]

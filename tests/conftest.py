"""Session fixtures shared by the end-to-end tests: the real pipeline, run once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from frontlines.types import Article


@dataclass(frozen=True)
class SampleRun:
    """The bundled sample corpus and the JSON record of each article, in input order."""

    articles: tuple[Article, ...]
    records: tuple[dict[str, Any], ...]

    def pairs(self) -> list[tuple[Article, dict[str, Any]]]:
        return list(zip(self.articles, self.records, strict=True))

    def get(self, name: str) -> tuple[Article, dict[str, Any]]:
        """The article whose path ends with ``name`` (a file name, or ``file#entry=N``)."""
        found = [(a, r) for a, r in self.pairs() if Path(a.path).name == name]
        if len(found) != 1:
            raise KeyError(f"{name!r}: {len(found)} articles")
        return found[0]


@pytest.fixture(scope="session")
def sample_run() -> SampleRun:
    """``process_batch`` over the bundled sample corpus (loads the spaCy model once)."""
    from frontlines.batch import process_batch
    from frontlines.eval.common import bundled
    from frontlines.ingest import iter_articles

    items = list(iter_articles(bundled("sample", "articles")))
    articles = tuple(a for a in items if isinstance(a, Article))
    assert len(articles) == len(items), "every sample file must be readable"
    # Through json, as the CLI prints it: the schema checks what users get.
    records = tuple(json.loads(json.dumps(x.to_json())) for x in process_batch(articles))
    return SampleRun(articles, records)

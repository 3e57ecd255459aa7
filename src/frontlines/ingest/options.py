"""Reader options, shared by every reader (kept apart from __init__ to avoid import cycles)."""

from __future__ import annotations

from dataclasses import dataclass

PRESETS = ("fakes",)
DEFAULT_MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs. Field options apply to JSONL/JSON and CSV/TSV only.

    ``max_bytes`` caps each input file (after decompression for gzip); a larger
    file yields ``InputTooLarge``. ``default_source`` fills ``Article.source``
    when the input names no outlet.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    preset: str | None = None
    text_field: str | None = None
    title_field: str | None = None
    source_field: str | None = None
    date_field: str | None = None
    url_field: str | None = None
    default_source: str | None = None

    def __post_init__(self) -> None:
        if self.preset is not None and self.preset not in PRESETS:
            raise ValueError(f"unknown preset {self.preset!r}; known: {', '.join(PRESETS)}")
        if self.max_bytes < 1:
            raise ValueError("max_bytes must be positive")

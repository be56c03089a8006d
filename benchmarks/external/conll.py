"""CoNLL-2003 files (``token TAG`` per line, blank line between sentences) to our document dicts.

A ``-DOCSTART-`` line starts a document. Each sentence becomes one line of the document's text,
its tokens joined by single spaces, so headlines, datelines and table rows stay lines of their
own as they were in the newswire. Tags may be IOB1 (eng.testa) or IOB2 (the "valid.txt" copies):
an ``I-`` after ``O`` or after another type starts a mention either way. The last column is the
NER tag, so the four-column original (token POS chunk NER) reads the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

LAYER = "entities"
# OntoNotes (spaCy) labels -> CoNLL-2003 types, as issue 16 measured; the rest are not names there.
ONTONOTES_TO_CONLL: dict[str, str | None] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
NOT_NAMES = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
LABEL_MAP: dict[str, str | None] = {**ONTONOTES_TO_CONLL, **dict.fromkeys(NOT_NAMES)}
CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
Token = tuple[str, str]


@dataclass
class ConllDocument:
    """One -DOCSTART- document: its sentences as (token, tag) lists."""

    sentences: list[list[Token]] = field(default_factory=list)


def read_documents(lines: Iterable[str]) -> list[ConllDocument]:
    """Split the lines of a CoNLL file into documents of sentences."""
    docs: list[ConllDocument] = []
    sentence: list[Token] = []
    for raw in [*lines, ""]:
        parts = raw.split()
        if parts and parts[0] == "-DOCSTART-":
            docs.append(ConllDocument())
            continue
        if parts:
            sentence.append((parts[0], parts[-1]))
            continue
        if sentence:
            if not docs:
                docs.append(ConllDocument())  # a file without -DOCSTART- is one document
            docs[-1].sentences.append(sentence)
            sentence = []
    return [d for d in docs if d.sentences]


def to_record(doc: ConllDocument, doc_id: str) -> dict:
    """Our document dict: the text (one line per sentence) and its gold ``entities`` layer."""
    lines: list[str] = []
    spans: list[dict] = []
    offset = 0
    for sentence in doc.sentences:
        starts = []
        pos = offset
        for token, _ in sentence:
            starts.append(pos)
            pos += len(token) + 1
        lines.append(" ".join(t for t, _ in sentence))
        for first, last, label in _mentions([tag for _, tag in sentence]):
            start, end = starts[first], starts[last] + len(sentence[last][0])
            spans.append({"start": start, "end": end, "label": label})
        offset = pos
    text = "\n".join(lines)
    for n, s in enumerate(spans, start=1):
        s["id"], s["text"] = f"g{n}", text[s["start"] : s["end"]]
    return {"id": doc_id, "text": text, "meta": {}, "spans": {LAYER: spans}}


def _mentions(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first token, last token, type) of every mention in one sentence's tags."""
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and start is not None and label == kind
        if start is not None and not continues:
            yield start, i - 1, kind
            start = None
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return


def convert(lines: Iterable[str], prefix: str) -> list[dict]:
    """Every document of a CoNLL file as our document dict, ids ``{prefix}-{n:03d}``."""
    return [to_record(d, f"{prefix}-{n:03d}") for n, d in enumerate(read_documents(lines), start=1)]


def is_news_prose(text: str) -> bool:
    """Whether most lines after the headline and dateline read as sentences, not tables or lists.

    A line is prose when it ends in sentence punctuation (a closing quote counts) and has five
    tokens or more; results tables, standings and lists of names end in figures or names.
    """
    body = text.split("\n")[2:]
    if not body:
        return False
    prose = sum(1 for line in body if len(line.split()) >= 5 and line.rstrip().endswith(PROSE_ENDS))
    return prose >= 0.5 * len(body)


PROSE_ENDS = (".", "?", "!", '"', "'")

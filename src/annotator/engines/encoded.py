"""Output records as JSON lines plus the few facts the run summary needs.

Workers serialize records themselves and send back only strings and counts: shipping whole
documents (or spaCy Docs) to the parent made it a third busy process on two cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.document import Document, DocumentError
from annotator.records import ErrorRecord, InputDocument, RecordError
from annotator.runner import OutputRecord


@dataclass(frozen=True)
class EncodedRecord:
    """One output record: its JSONL line (None when a worker already wrote it to a part file)."""

    line: str | None
    id: str | None
    error: RecordError | None = None
    span_counts: dict[str, int] = field(default_factory=dict)
    annotator_errors: tuple[DocumentError, ...] = ()

    @property
    def failed(self) -> bool:
        """True for an error record (the document produced no annotated record)."""
        return self.error is not None

    def to_json(self) -> str:
        """The JSONL line, without the newline."""
        if self.line is None:
            raise ValueError(f"record {self.id!r} was written to a part file; its line was not kept")
        return self.line

    def without_line(self) -> EncodedRecord:
        """The same facts without the line, for records already written elsewhere."""
        return EncodedRecord(None, self.id, self.error, self.span_counts, self.annotator_errors)


def encode(record: OutputRecord) -> EncodedRecord:
    """Serialize an annotated document or an error record."""
    if isinstance(record, ErrorRecord):
        return EncodedRecord(record.to_json(), record.id, error=record.error)
    return encode_document(record)


def encode_document(document: Document) -> EncodedRecord:
    """Serialize a document and count its spans per layer."""
    counts = {layer: len(spans) for layer, spans in document.spans.items()}
    return EncodedRecord(document.to_json(), document.id, None, counts, tuple(document.errors))


def error_for(doc: InputDocument, reason: str) -> EncodedRecord:
    """An error record for a document the engine itself had to give up on (hang, dead worker)."""
    error = RecordError(stage="annotate", reason=reason, source=doc.source)
    return encode(ErrorRecord(id=doc.id, error=error))

"""What goes into the pipeline (input documents) and what comes out when a document cannot."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from annotator.document import SCHEMA_VERSION, SourceRef

SKIP_STAGE = "skip"
"""Stage of a :class:`RecordError` for an input that is left out on purpose (a binary file in a folder)."""


class InputDocument(BaseModel):
    """A document as read from the input, before annotation."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    source: SourceRef | None = None
    normalized: list[str] = Field(default_factory=list)


class RecordError(BaseModel):
    """Why a document produced no annotated record."""

    model_config = ConfigDict(extra="forbid")

    stage: str = Field(description="read, parse, annotate, validate, timeout or skip.")
    reason: str
    annotator: str | None = Field(default=None, description="The annotator at fault, when there is one.")
    source: SourceRef | None = None
    doc_id: SkipJsonSchema[str | None] = Field(
        default=None,
        exclude=True,
        description="The id the document has (or would have had): carried to the error record so "
        "that every output line has an id and --resume can skip it.",
    )

    def one_line(self) -> str:
        """``file:line: reason`` for the user's terminal."""
        return located(self.source, self.reason)


def located(source: SourceRef | None, reason: str) -> str:
    """``file:line: reason``; a whole-file document starts on line 1, standard input is ``-``."""
    if source is None or source.file is None:
        return reason
    return f"{source.file}:{source.line or 1}: {reason}"


class ErrorRecord(BaseModel):
    """The output record for an input document that could not be annotated: nothing is lost."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(default=None, description="The document id when it could be read.")
    error: RecordError

    @model_validator(mode="after")
    def _take_error_id(self) -> ErrorRecord:
        if self.id is None and self.error.doc_id is not None:
            self.id = self.error.doc_id
        return self

    def to_json(self) -> str:
        """One JSONL line (without the newline)."""
        return self.model_dump_json(exclude_none=True)

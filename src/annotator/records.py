"""What goes into the pipeline (input documents) and what comes out when a document cannot."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.document import SCHEMA_VERSION, SourceRef


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

    stage: str = Field(description="read, parse, annotate or validate.")
    reason: str
    source: SourceRef | None = None

    def one_line(self) -> str:
        """``file:line: reason`` for the user's terminal."""
        where = ""
        if self.source is not None:
            where = ":".join(str(p) for p in (self.source.file, self.source.line) if p is not None)
        return f"{where}: {self.reason}" if where else self.reason


class ErrorRecord(BaseModel):
    """The output record for an input document that could not be annotated: nothing is lost."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(default=None, description="The document id when it could be read.")
    error: RecordError

    def to_json(self) -> str:
        """One JSONL line (without the newline)."""
        return self.model_dump_json(exclude_none=True)

"""An :class:`Evaluation` as plain text (the terminal), Markdown or a self-contained HTML page.

All three are built from the same tables, so a figure reads the same wherever it is shown.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from annotator.evaluation.counts import PRF
from annotator.evaluation.run import Evaluation
from annotator.evaluation.scorer import LayerReport

STYLE = (
    "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
    "td{text-align:right}td:first-child{text-align:left}"
)
PRF_HEADER = ["gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]


@dataclass
class Table:
    """A titled table of strings."""

    title: str
    header: list[str]
    rows: list[list[str]]


def tables(evaluation: Evaluation) -> list[Table]:
    """Every table of the report, layer by layer."""
    found = []
    for report in evaluation.layers.values():
        found.extend(layer_tables(report))
    return found


def layer_tables(report: LayerReport) -> list[Table]:
    """Labels, attributes and layer-specific tables of one layer."""
    head = f"{report.layer} ({report.documents} documents)"
    rows = [[label, *_prf_pair(c["exact"], c["overlap"])] for label, c in sorted(report.labels.items())]
    rows.append(["all labels", *_prf_pair(report.labelled["exact"], report.labelled["overlap"])])
    rows.append(["spans, any label", *_prf_pair(report.spans["exact"], report.spans["overlap"])])
    found = [Table(head, ["label", *PRF_HEADER], rows)]
    if report.attributes:
        attr_rows = [
            [name, str(a.matched), str(a.correct), _f(a.accuracy), _f(a.of_gold), _f(a.f1)]
            for name, a in report.attributes.items()
        ]
        header = ["attribute", "matched", "correct", "accuracy", "of gold", "F1"]
        found.append(Table(f"{report.layer}: attributes on matched spans", header, attr_rows))
    if report.tables:
        extra = [[name, str(c.gold), str(c.pred), str(c.tp), *_prf(c)] for name, c in report.tables.items()]
        header = ["", "gold", "pred", "correct", "P", "R", "F1"]
        found.append(Table(f"{report.layer}: layer figures", header, extra))
    if report.figures:
        rows = [[name, _f(value)] for name, value in report.figures.items()]
        found.append(Table(f"{report.layer}: figures", ["figure", "value"], rows))
    return found


def _prf(c: PRF) -> list[str]:
    return [_f(c.precision), _f(c.recall), _f(c.f1)]


def _prf_pair(exact: PRF, overlap: PRF) -> list[str]:
    return [str(exact.gold), str(exact.pred), *_prf(exact), *_prf(overlap)]


def _f(value: float) -> str:
    return f"{value:.3f}"


def _notes(evaluation: Evaluation) -> list[str]:
    lines = [*evaluation.skipped, *evaluation.missing, *evaluation.unknown]
    for report in evaluation.layers.values():
        lines.extend(f"{report.layer}: {note}" for note in report.notes)
    return lines


def as_text(evaluation: Evaluation) -> str:
    """Aligned columns for the terminal."""
    out = [f"{evaluation.pred} against {evaluation.gold}: {evaluation.documents} documents"]
    for table in tables(evaluation):
        widths = [max(len(r[i]) for r in [table.header, *table.rows]) for i in range(len(table.header))]
        out.append("")
        out.append(table.title)
        for row in [table.header, *table.rows]:
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
            out.append("  ".join(cells).rstrip())
    notes = _notes(evaluation)
    return "\n".join(out + ([""] + notes if notes else [])) + "\n"


def as_markdown(evaluation: Evaluation) -> str:
    """GitHub-flavoured Markdown tables."""
    out = [
        f"# Evaluation of `{evaluation.pred}` against `{evaluation.gold}`",
        "",
        f"{evaluation.documents} documents.",
    ]
    for table in tables(evaluation):
        out += ["", f"## {table.title}", "", _md_row(table.header), _md_row(["---"] * len(table.header))]
        out += [_md_row(row) for row in table.rows]
    notes = _notes(evaluation)
    if notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(out) + "\n"


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def as_html(evaluation: Evaluation) -> str:
    """One page with no outside resources."""
    e = html.escape
    body = [
        f"<h1>Evaluation of <code>{e(evaluation.pred)}</code> against <code>{e(evaluation.gold)}</code></h1>"
    ]
    body.append(f"<p>{evaluation.documents} documents.</p>")
    for table in tables(evaluation):
        head = "".join(f"<th>{e(c)}</th>" for c in table.header)
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in table.rows)
        body.append(
            f"<h2>{e(table.title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
    notes = _notes(evaluation)
    if notes:
        body.append("<h2>Notes</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in notes) + "</ul>")
    page = "".join(body)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>Evaluation</title>'
        f"<style>{STYLE}</style></head><body>{page}</body></html>\n"
    )

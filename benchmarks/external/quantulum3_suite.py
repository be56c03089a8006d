"""quantulum3's own test quantities (``quantities.json``) as our gold documents (a pure converter).

Each ``req`` is a document; each expected quantity a span found by its ``surface``, searched left
to right. Units are read as the numbers layer reports them: currencies (quantulum3's own unit table
gives the ISO code) as money, "dimensionless" as a bare value, "percentage" as percent, other units
with the SI value pint gives (units pint cannot read, such as "inverse femtobarn", keep only the
value). Durations ("year", "day"...) are kept as quantulum3 expects them, although our layer leaves
durations to the dates layer: they count as misses. A value with an ``uncertainty`` is a range
written as our convention has it: value = low = value - uncertainty, high = value + uncertainty.

Ages: the numbers layer gives ages ("87-year-old", "aged 87") their own kind ``age`` (issue 18).
quantities.json has no age (no "year-old", "years old", "aged", "yo" among its texts, checked
2026-12-03), so no expected span needs kind ``age``: its "year" quantities are durations. The
headline figure (``amount``) compares SI values and is blind to the kind, so an age would score
right either way; only the reported ``kind`` attribute would differ.
"""

from __future__ import annotations

import json
from typing import Any

from duckling_corpus import _registry


def unit_fields(value: float, unit: str, currency: str | None) -> dict[str, Any]:
    """kind, label and currency or SI value for a quantulum3 unit name."""
    if currency:
        return {"label": "MONEY", "kind": "money", "currency": currency}
    if unit == "dimensionless":
        return {"label": "CARDINAL", "kind": "cardinal"}
    if unit == "percentage":
        return {"label": "PERCENT", "kind": "percent"}
    fields: dict[str, Any] = {"label": "QUANTITY", "kind": "quantity"}
    name = unit.replace("degree ", "deg").replace(" per ", " / ").replace("pound-mass", "pound")
    try:
        si = _registry().Quantity(value, name.replace(" ", "_").replace("_/_", " / ")).to_base_units()
    except Exception:  # noqa: BLE001 - a unit pint cannot read keeps only the value
        return fields
    return {**fields, "si_value": float(f"{si.magnitude:.12g}"), "si_unit": f"{si.units:~}"}


def convert(raw: str, currency_of: dict[str, str | None]) -> list[dict[str, Any]]:
    """Gold documents from the text of quantities.json; ``currency_of`` maps unit names to ISO codes."""
    docs = []
    for n, item in enumerate(json.loads(raw)):
        text, at, spans = item["req"], 0, []
        for res in item["res"]:
            start = text.find(res["surface"], at)
            if start < 0:
                continue
            at = end = start + len(res["surface"])
            span: dict[str, Any] = {
                "id": f"numbers-{len(spans)}",
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": res["value"],
            }
            if res.get("uncertainty"):
                low, high = res["value"] - res["uncertainty"], res["value"] + res["uncertainty"]
                span.update(value=low, low=low, high=high)
            span.update(unit_fields(span["value"], res["unit"], currency_of.get(res["unit"])))
            spans.append(span)
        docs.append({"id": f"quantulum3-{n:03d}", "text": text, "spans": {"numbers": spans}})
    return docs

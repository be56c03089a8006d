"""INCEpTION's external recommender protocol: a CAS in XMI with its type system in, predictions out.

INCEpTION names the layer (a UIMA type) and the feature to fill. The layer is matched to one of our
span layers: DKPro's ``NamedEntity`` is ``entities``; ``webanno.custom.<Layer>`` (what the
``inception`` exporter writes) is the layer of that name; otherwise the type's short name, case
and a plural ``s`` aside. Each span becomes an annotation of that type with the feature set to its
label, marked ``inception_internal_predicted`` (and scored) when the type has those features, as
INCEpTION's own recommenders do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from annotator.errors import InputError

IS_PREDICTION = "inception_internal_predicted"
SCORE_SUFFIX = "_score"
ALIASES = {"de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity": "entities"}


def layer_for(type_name: str, layers: Iterable[str], aliases: Mapping[str, str] = ALIASES) -> str:
    """Our layer for an INCEpTION layer type, or InputError naming the layers we have."""
    names = sorted(layers)
    if type_name in aliases and aliases[type_name] in names:
        return aliases[type_name]
    short = _key(type_name.rsplit(".", 1)[-1])
    for name in names:
        if _key(name) in (short, short.removesuffix("s")) or _key(name).removesuffix("s") == short:
            return name
    raise InputError(f"no layer of ours matches INCEpTION layer {type_name!r}; ours: {', '.join(names)}")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def load_request_cas(xmi: str, typesystem_xml: str) -> Any:
    """The CAS of a request, strictly checked (a bad type system or XMI is the caller's error)."""
    from cassis import load_cas_from_xmi, load_typesystem

    try:
        typesystem = load_typesystem(typesystem_xml)
        return load_cas_from_xmi(xmi, typesystem=typesystem, lenient=False)
    except Exception as exc:  # noqa: BLE001 - cassis raises lxml, ValueError and TypeError alike
        raise InputError(f"cannot read the request's CAS: {type(exc).__name__}: {exc}") from exc


def add_predictions(cas: Any, type_name: str, feature: str, spans: Iterable[Mapping[str, Any]]) -> int:
    """Add one predicted annotation per span; return how many were added."""
    try:
        layer_type = cas.typesystem.get_type(type_name)
    except Exception as exc:  # noqa: BLE001 - cassis raises a bare TypeNotFoundError subclass
        raise InputError(f"the request's type system has no type {type_name!r}") from exc
    names = {f.name for f in layer_type.all_features}
    if feature not in names:
        raise InputError(f"type {type_name!r} has no feature {feature!r}")
    count = 0
    for span in spans:
        values: dict[str, Any] = {"begin": span["start"], "end": span["end"], feature: span["label"]}
        if IS_PREDICTION in names:
            values[IS_PREDICTION] = True
        if feature + SCORE_SUFFIX in names and span.get("confidence") is not None:
            values[feature + SCORE_SUFFIX] = float(span["confidence"])
        cas.add(layer_type(**values))
        count += 1
    return count

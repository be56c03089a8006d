"""brat, doccano and Prodigy declare every label each exported layer can carry, not only those seen.

The batch is the real seed output without the documents that hold the rarest entity label (one
that some seeds have), so that label is in no exported span: it is declared only because the
entities span model declares it. Each tool's label config is read the way the tool reads it:
brat's ``annotation.conf`` by the strict reader of ``test_export_brat`` (brat's own config parser
is not on PyPI: ``brat-tools`` ships only ``tools/``), doccano's label-type JSON as its upload
endpoint takes it, Prodigy's ``--label`` file one label a line.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import typing
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pytest
from annotator_exporters.brat import BratExporter
from annotator_exporters.doccano import DoccanoExporter
from annotator_exporters.prodigy import ProdigyExporter
from test_export_brat import read_ann, read_conf
from test_export_golden import seed_documents

from annotator import Document, Span
from annotator.exporting import Exporter
from annotator.registry import build_registry
from annotator.spans import label_set

CLI = Path(sys.executable).parent / "annotator"
MODELS = build_registry().span_models()


@functools.lru_cache(maxsize=1)
def filtered_seeds() -> tuple[str, tuple[Document, ...]]:
    """(the rarest entity label some seed has, the seeds without it)."""
    docs = seed_documents()
    counts = Counter(label for d in docs for label in {s.label for s in d.layer("entities")})
    label = min((lb for lb, n in counts.items() if n < len(docs)), key=lambda lb: (counts[lb], lb))
    return label, tuple(d for d in docs if label not in {s.label for s in d.layer("entities")})


def seen(documents: tuple[Document, ...] | list[Document]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for doc in documents:
        for layer, spans in doc.spans.items():
            found.setdefault(layer, set()).update(s.label for s in spans)
    return found


def export(
    exporter: Exporter, documents: Any, out: Path, models: Mapping[str, type[Span]] = MODELS
) -> list[Path]:
    exporter.layer_models = models  # as `annotator export` does, with the installed span models
    return exporter.export(list(documents), out, exporter.options())


def brat_declared(folder: Path) -> dict[str, set[str]]:
    """Per layer, the labels annotation.conf declares, through the map's type -> [layer, label]."""
    conf = read_conf(folder / "annotation.conf")
    types = json.loads((folder / "annotator-layers.json").read_text(encoding="utf-8"))["types"]
    assert conf.entities == set(types)
    found: dict[str, set[str]] = {}
    for layer, label in (types[name] for name in conf.entities):
        found.setdefault(layer, set()).add(label)
    return found


def doccano_declared(out: Path) -> dict[str, set[str]]:
    """Per layer, the span types of the label file, through the lines' ``label_layers``."""
    types = json.loads(out.with_name(out.stem + ".span-types.json").read_text(encoding="utf-8"))
    layers_of = json.loads(out.read_text(encoding="utf-8").splitlines()[0])["label_layers"]
    found: dict[str, set[str]] = {}
    for item in types:
        layer, label = layers_of[item["text"]]
        found.setdefault(layer, set()).add(label)
    return found


def prodigy_declared(out: Path) -> list[str]:
    return out.with_name(out.stem + ".labels.txt").read_text(encoding="utf-8").splitlines()


def test_label_sets_filtered_batch_lacks_a_label_other_seeds_have() -> None:
    label, kept = filtered_seeds()
    assert 0 < len(kept) < len(seed_documents())
    assert label not in seen(kept)["entities"]
    assert label in label_set(MODELS["entities"]).labels


def test_brat_conf_declares_an_entity_label_no_exported_span_has(tmp_path: Path) -> None:
    label, kept = filtered_seeds()
    export(BratExporter(), kept, tmp_path / "brat")
    assert label in brat_declared(tmp_path / "brat")["entities"]
    assert label in read_conf(tmp_path / "brat" / "annotation.conf").entities


def test_doccano_label_file_and_label_layers_declare_a_label_no_exported_span_has(tmp_path: Path) -> None:
    label, kept = filtered_seeds()
    export(DoccanoExporter(), kept, tmp_path / "export.jsonl")
    assert label in doccano_declared(tmp_path / "export.jsonl")["entities"]
    lines = (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["label_layers"][label] == ["entities", label] for line in lines)


def test_prodigy_label_file_declares_a_label_no_exported_span_has(tmp_path: Path) -> None:
    label, kept = filtered_seeds()
    export(ProdigyExporter(), kept, tmp_path / "tasks.jsonl")
    assert label in prodigy_declared(tmp_path / "tasks.jsonl")
    tasks = [json.loads(line) for line in (tmp_path / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    assert label not in {s["label"] for t in tasks for s in t["spans"]}


@pytest.mark.parametrize("tool", ["brat", "doccano"])
def test_each_layer_declares_its_models_labels_and_those_seen_and_nothing_else(
    tool: str, tmp_path: Path
) -> None:
    _, kept = filtered_seeds()
    if tool == "brat":
        export(BratExporter(), kept, tmp_path / "brat")
        declared = brat_declared(tmp_path / "brat")
    else:
        export(DoccanoExporter(), kept, tmp_path / "export.jsonl")
        declared = doccano_declared(tmp_path / "export.jsonl")
    used = seen(kept)
    assert set(declared) == set(used)  # the exported layers, no other installed one
    for layer, labels in declared.items():
        model_labels = set(label_set(MODELS[layer]).labels)
        assert model_labels <= labels and used[layer] <= labels
        assert labels <= model_labels | used[layer]


def test_prodigy_label_file_lists_every_layers_labels_sorted_per_layer(tmp_path: Path) -> None:
    _, kept = filtered_seeds()
    export(ProdigyExporter(), kept, tmp_path / "tasks.jsonl")
    used = seen(kept)
    want = [lb for layer in sorted(used) for lb in sorted(set(label_set(MODELS[layer]).labels) | used[layer])]
    assert prodigy_declared(tmp_path / "tasks.jsonl") == want  # no label is shared, so names are bare
    relations = (tmp_path / "tasks.relations.txt").read_text(encoding="utf-8").splitlines()
    assert "speaker" in relations and relations == sorted(relations)


def _entities_section(conf: str) -> str:
    return conf.split("[relations]")[0]


def test_label_configs_are_the_same_for_the_full_and_the_filtered_batch(tmp_path: Path) -> None:
    """Every label the seeds use is declared, so the configs do not depend on the batch."""
    _, kept = filtered_seeds()
    full = list(reversed(seed_documents()))  # another order too
    files: dict[str, list[str]] = {}
    for name, docs in (("filtered", kept), ("full", full)):
        out = tmp_path / name
        export(BratExporter(), docs, out / "brat")
        export(DoccanoExporter(), docs, out / "export.jsonl")
        export(ProdigyExporter(), docs, out / "tasks.jsonl")
        conf = (out / "brat" / "annotation.conf").read_text(encoding="utf-8")
        files[name] = [_entities_section(conf)] + [
            (out / f).read_text(encoding="utf-8")
            for f in (
                "export.span-types.json",
                "export.relation-types.json",
                "tasks.labels.txt",
                "tasks.relations.txt",
            )
        ]
    assert files["filtered"] == files["full"]
    entity_lines = [line for line in files["full"][0].splitlines()[1:] if line]
    assert entity_lines == sorted(entity_lines)


class TimexSpan(Span):
    """A third-party layer that declares a label the installed dates layer declares too."""

    label: Literal["DATE"]


TEXT = "Ann met the Lakers on 1 March 2024."
TEAM_FIELDS = {"entity_id": "lakers", "canonical": "Lakers"}


def _shared_label_batch() -> list[Document]:
    spans = {
        "dates": [],
        "timex": [{"id": "t1", "start": 22, "end": 34, "text": "1 March 2024", "label": "DATE"}],
        "entities": [{"id": "e1", "start": 12, "end": 18, "text": "Lakers", "label": "TEAM", **TEAM_FIELDS}],
    }
    models = {**MODELS, "timex": TimexSpan}
    return [Document.from_dict({"id": "shared", "text": TEXT, "spans": spans}, models)]


def test_a_label_two_layers_declare_is_qualified_though_only_one_layer_has_spans(tmp_path: Path) -> None:
    docs, models = _shared_label_batch(), {**MODELS, "timex": TimexSpan}
    export(BratExporter(), docs, tmp_path / "brat", models)
    export(DoccanoExporter(), docs, tmp_path / "export.jsonl", models)
    export(ProdigyExporter(), docs, tmp_path / "tasks.jsonl", models)
    conf = read_conf(tmp_path / "brat" / "annotation.conf")
    spans = read_ann(tmp_path / "brat" / "shared.ann", TEXT, conf)
    assert {"dates_DATE", "timex_DATE"} <= conf.entities and "DATE" not in conf.entities
    assert sorted(type_name for type_name, _ in spans.values()) == ["TEAM", "timex_DATE"]
    types = json.loads((tmp_path / "export.span-types.json").read_text(encoding="utf-8"))
    assert {"dates_DATE", "timex_DATE"} <= {t["text"] for t in types}
    assert {"dates_DATE", "timex_DATE"} <= set(prodigy_declared(tmp_path / "tasks.jsonl"))


def test_a_label_no_model_declares_is_declared_once_seen(tmp_path: Path) -> None:
    docs = _shared_label_batch()  # entities is an open set: TEAM is not in its known labels
    assert "TEAM" not in label_set(MODELS["entities"]).labels
    export(BratExporter(), docs, tmp_path / "brat")
    export(DoccanoExporter(), docs, tmp_path / "export.jsonl")
    export(ProdigyExporter(), docs, tmp_path / "tasks.jsonl")
    assert "TEAM" in brat_declared(tmp_path / "brat")["entities"]
    assert "TEAM" in doccano_declared(tmp_path / "export.jsonl")["entities"]
    assert "TEAM" in prodigy_declared(tmp_path / "tasks.jsonl")


def test_doccano_label_types_are_what_its_upload_accepts(tmp_path: Path) -> None:
    _, kept = filtered_seeds()
    export(DoccanoExporter(), kept, tmp_path / "export.jsonl")
    for name in ("export.span-types.json", "export.relation-types.json"):
        types = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        texts = [t["text"] for t in types]
        assert texts and len(set(texts)) == len(texts)  # doccano: text unique per project
        for item in types:
            assert set(item) <= {"text", "prefix_key", "suffix_key", "background_color", "text_color"}
            assert 0 < len(item["text"]) <= 100
            for key in ("background_color", "text_color"):
                assert len(item[key]) == 7 and item[key][0] == "#" and int(item[key][1:], 16) >= 0


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def filtered_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filtered") / "pred.jsonl"
    path.write_text("".join(d.to_json() + "\n" for d in filtered_seeds()[1]), encoding="utf-8")
    return path


def _spans(path: Path) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [
        {
            layer: sorted((s["id"], s["start"], s["end"], s["label"]) for s in spans)
            for layer, spans in d["spans"].items()
            if spans
        }
        for d in docs
    ]


@pytest.mark.parametrize(
    ("fmt", "out_name"), [("brat", "brat"), ("doccano", "e.jsonl"), ("prodigy", "t.jsonl")]
)
def test_filtered_batch_round_trips_through_the_cli(
    filtered_jsonl: Path, tmp_path: Path, fmt: str, out_name: str
) -> None:
    done = run("export", str(filtered_jsonl), "--to", fmt, "-o", str(tmp_path / out_name))
    assert done.returncode == 0, done.stderr
    done = run("import", str(tmp_path / out_name), "--from", fmt, "-o", str(tmp_path / "back.jsonl"))
    assert done.returncode == 0 and "Warning" not in done.stderr, done.stderr
    assert _spans(tmp_path / "back.jsonl") == _spans(filtered_jsonl)


def test_brat_span_a_person_adds_with_the_absent_label_imports_into_its_layer(
    filtered_jsonl: Path, tmp_path: Path
) -> None:
    label, kept = filtered_seeds()
    done = run("export", str(filtered_jsonl), "--to", "brat", "-o", str(tmp_path / "brat"))
    assert done.returncode == 0, done.stderr
    doc = kept[0]
    word = doc.layer("entities")[0]  # the person draws a second span over it with the absent label
    stems = json.loads((tmp_path / "brat" / "annotator-layers.json").read_text(encoding="utf-8"))["documents"]
    ann = tmp_path / "brat" / f"{next(stem for stem, d in stems.items() if d['id'] == doc.id)}.ann"
    with ann.open("a", encoding="utf-8") as stream:
        stream.write(f"T900\t{label} {word.start} {word.end}\t{word.text}\n")
    done = run("import", str(tmp_path / "brat"), "--from", "brat", "-o", str(tmp_path / "back.jsonl"))
    assert done.returncode == 0 and "no layer" not in done.stderr, done.stderr
    back = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    first = next(d for d in back if d["id"] == doc.id)
    added = [s for s in first["spans"]["entities"] if s["id"] == "brat-T900"]
    assert [(s["label"], s["text"]) for s in added] == [(label, word.text)]
    assert "unknown" not in first["spans"]


def test_doccano_span_a_person_adds_with_the_absent_label_imports_into_its_layer(
    filtered_jsonl: Path, tmp_path: Path
) -> None:
    label, kept = filtered_seeds()
    out = tmp_path / "e.jsonl"
    done = run("export", str(filtered_jsonl), "--to", "doccano", "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    word = kept[0].layer("entities")[0]
    start, end = utf16_units(kept[0].text[: word.start]), utf16_units(kept[0].text[: word.end])
    lines[0]["entities"].append({"id": 900, "start_offset": start, "end_offset": end, "label": label})
    out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    done = run("import", str(out), "--from", "doccano", "-o", str(tmp_path / "back.jsonl"))
    assert done.returncode == 0 and "no layer" not in done.stderr, done.stderr
    back = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text(encoding="utf-8").splitlines()]
    first = next(d for d in back if d["id"] == kept[0].id)
    added = [s for s in first["spans"]["entities"] if s["label"] == label]
    assert [(s["start"], s["end"], s["text"]) for s in added] == [(word.start, word.end, word.text)]
    assert "unknown" not in first["spans"]


def _literal_values(layer: str, field_name: str) -> set[str]:
    annotation = MODELS[layer].model_fields[field_name].annotation
    kinds = [annotation, *typing.get_args(annotation)]
    return {v for k in kinds if typing.get_origin(k) is typing.Literal for v in typing.get_args(k)}


def test_brat_relations_and_attributes_are_declared_on_every_label_of_their_layers(tmp_path: Path) -> None:
    label, kept = filtered_seeds()
    export(BratExporter(), kept, tmp_path / "brat")
    conf = read_conf(tmp_path / "brat" / "annotation.conf")
    entity_labels = set(label_set(MODELS["entities"]).labels)
    sources, targets = conf.relations["speaker"]
    assert sources == {"QUOTE"} and entity_labels <= targets and label in targets
    number_labels = set(label_set(MODELS["numbers"]).labels)
    assert number_labels - seen(kept)["numbers"]  # some number label has no span in the batch
    assert number_labels <= conf.attributes["numbers_kind"][0]  # quotes declare a `kind` too


def test_brat_enumerated_attribute_lists_every_value_its_literal_declares(tmp_path: Path) -> None:
    _, kept = filtered_seeds()
    export(BratExporter(), kept, tmp_path / "brat")
    conf = read_conf(tmp_path / "brat" / "annotation.conf")
    declared = _literal_values("numbers", "kind")
    used = {s.model_dump()["kind"] for d in kept for s in d.layer("numbers")}
    assert declared - used  # a value no exported number has
    assert declared <= conf.attributes["numbers_kind"][1]


def _tid(lines: list[str], span: Span, types: set[str]) -> str:
    """The ``T`` id of ``span`` in an exported ``.ann``: same start and end, a type of its layer."""
    for line in lines:
        ident, _, rest = line.partition("\t")
        type_name, _, offsets = rest.split("\t")[0].partition(" ")
        if ident.startswith("T") and type_name in types and offsets == f"{span.start} {span.end}":
            return ident
    raise AssertionError(f"no T line for {span.id}")


def test_brat_relation_and_attribute_a_person_adds_on_the_absent_label_pass_the_strict_reader(
    tmp_path: Path,
) -> None:
    label, kept = filtered_seeds()
    export(BratExporter(), kept, tmp_path / "brat")
    folder = tmp_path / "brat"
    conf = read_conf(folder / "annotation.conf")
    stems = json.loads((folder / "annotator-layers.json").read_text(encoding="utf-8"))["documents"]
    doc = next(d for d in kept if d.layer("quotes") and d.layer("numbers"))
    ann = folder / f"{next(stem for stem, d in stems.items() if d['id'] == doc.id)}.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    quote = next(q for q in doc.layer("quotes") if "\n" not in q.text)
    number = doc.layer("numbers")[0]
    word = doc.layer("entities")[0]
    unused = sorted(
        _literal_values("numbers", "kind") - {s.model_dump()["kind"] for s in doc.layer("numbers")}
    )
    lines += [
        f"T900\t{label} {word.start} {word.end}\t{word.text}",
        f"R900\tspeaker Arg1:{_tid(lines, quote, {'QUOTE'})} Arg2:T900",
        f"A900\tnumbers_kind {_tid(lines, number, set(label_set(MODELS['numbers']).labels))} {unused[0]}",
    ]
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_ann(ann, doc.text, conf)["T900"][0] == label  # raises BratRejected if brat would refuse

"""coopkit.Registry: reading, access, checking all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import coopkit


def test_from_records_access_and_iteration(records: list[dict[str, Any]]) -> None:
    reg = coopkit.Registry.from_records(records)
    assert len(reg) == 3 and reg.ids() == ["C0", "C1", "C2"]
    assert reg[0].id == "C0" and reg[-1].id == "C2" and reg["C1"].kind == "cooperative_group"
    assert [c.id for c in reg] == ["C0", "C1", "C2"]
    assert "C1" in reg and "nope" not in reg and 3 not in reg
    with pytest.raises(IndexError):
        reg[3]
    with pytest.raises(KeyError):
        reg["nope"]
    assert repr(reg) == "<Registry 3 cooperatives>"
    assert reg.rejected == []


def test_duplicate_ids_are_input_errors(records: list[dict[str, Any]]) -> None:
    records[2]["id"] = "C0"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_records(records)
    assert e.value.path == "cooperatives[2].id"
    assert e.value.errors[0].code == "duplicate_id"


def test_record_errors_are_prefixed_and_all_reported(records: list[dict[str, Any]]) -> None:
    del records[0]["name"]
    records[2]["kind"] = "club"
    records[1]["x"] = object()
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_records(records)
    paths = [p.path for p in e.value.errors]
    assert "cooperatives[0].name" in paths and "cooperatives[1].<field not shown>" in paths and "cooperatives[2].kind" in paths


def test_lenient_keeps_the_good_records(records: list[dict[str, Any]]) -> None:
    records[1]["kind"] = "club"
    reg = coopkit.Registry.from_records(records, lenient=True)
    assert reg.ids() == ["C0", "C2"]
    assert [(r["index"], r["id"], [e["path"] for e in r["errors"]]) for r in reg.rejected] == [(1, "C1", ["cooperatives[1].kind"])]
    assert repr(reg) == "<Registry 2 cooperatives, 1 rejected>"


def test_from_json_text_path_and_pathlike(records: list[dict[str, Any]], tmp_path: Path) -> None:
    text = json.dumps({"cooperatives": records})
    f = tmp_path / "reg.json"
    f.write_text(text, encoding="utf-8")
    a = coopkit.Registry.from_json(text)
    b = coopkit.Registry.from_json(str(f))
    c = coopkit.Registry.from_json(f)
    assert a.ids() == b.ids() == c.ids() == ["C0", "C1", "C2"]
    assert json.loads(a.to_json()) == {"cooperatives": records}


def test_from_json_lenient(records: list[dict[str, Any]]) -> None:
    records[0]["sector"] = "mining"
    text = json.dumps({"cooperatives": records})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(text)
    assert e.value.path == "cooperatives[0].sector"
    reg = coopkit.Registry.from_json(text, lenient=True)
    assert reg.ids() == ["C1", "C2"] and reg.rejected[0]["errors"][0]["path"] == "cooperatives[0].sector"


def test_check_and_classify_all_equal_one_by_one(records: list[dict[str, Any]]) -> None:
    reg = coopkit.Registry.from_records(records)
    reports = reg.check(law="auto", as_of="2024-10-16")
    assert [r.to_dict() for r in reports] == [coopkit.check(c, as_of="2024-10-16").to_dict() for c in records]
    classes = reg.classify(as_of="2024-10-16")
    one_by_one = [coopkit.classify(c, as_of="2024-10-16") for c in records]
    assert classes["cooperative"] == [c.cooperative for c in one_by_one]
    assert classes["size_class"] == [c.size_class for c in one_by_one]
    assert classes["has_minority_member"] == [c.has_minority_member for c in one_by_one]
    for rule in ("chair_or_director", "management_majority", "women_owned", "declared"):
        assert classes[f"women_managed_{rule}"] == [c.women_managed[rule] for c in one_by_one]
    with pytest.raises(coopkit.ParameterError):
        reg.check(law="x")  # type: ignore[arg-type]


def test_from_csv_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(coopkit.CoopkitError) as e:
        coopkit.Registry.from_csv(tmp_path / "nowhere")
    assert e.value.path is not None


def test_from_csv_strict_and_lenient(records: list[dict[str, Any]], tmp_path: Path) -> None:
    coopkit.Registry.from_records(records).to_csv(tmp_path)
    lines = (tmp_path / "cooperatives.csv").read_text().splitlines()
    lines[2] = lines[2].replace("cooperative_group", "club")
    (tmp_path / "cooperatives.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_csv(tmp_path)
    assert e.value.path == "cooperatives.csv:3.kind"
    reg = coopkit.Registry.from_csv(tmp_path, lenient=True)
    assert reg.ids() == ["C0", "C2"]
    assert reg.rejected[0]["index"] == 1 and reg.rejected[0]["errors"][0]["path"] == "cooperatives.csv:3.kind"
    # A header problem is not a record's: it raises in lenient mode too.
    (tmp_path / "cooperatives.csv").write_text("id,name,kind\n")
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_csv(tmp_path, lenient=True)
    assert e.value.path == "cooperatives.csv:1.sector"


def test_source_type_is_checked() -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.Registry.from_json(42)  # type: ignore[arg-type]
    assert e.value.path == "source"

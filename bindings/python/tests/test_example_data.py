"""The example registry (examples/data/quang-ngai-2024.json) through every
reader of the binding, compared with the core's own results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import coopkit
from coopkit import _coopkit

from conftest import EXAMPLE_JSON

pytestmark = pytest.mark.skipif(not EXAMPLE_JSON.exists(), reason="example data not in this checkout")


def records() -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = data["cooperatives"]
    return out


def dicts(reg: coopkit.Registry) -> list[dict[str, Any]]:
    return [c.to_dict() for c in reg]


@pytest.mark.parametrize("law", ["auto", "vn-2012", "vn-2023"])
def test_check_of_every_cooperative_equals_the_core(law: str) -> None:
    for as_of in ("2024-06-30", "2024-10-16"):
        for coop in records():
            expected = json.loads(_coopkit._core_check_json(json.dumps(coop), law, as_of))
            assert coopkit.check(coop, law=law, as_of=as_of).to_dict() == expected, coop["id"]


def test_classify_of_every_cooperative_equals_the_core() -> None:
    for coop in records():
        expected = json.loads(_coopkit._core_classify_json(json.dumps(coop), "2024-10-16"))
        c = coopkit.classify(coop, as_of="2024-10-16")
        assert c.to_dict() == expected
        assert c.women_managed["declared"] is True


def test_json_records_and_roundtrip_agree(tmp_path: Path) -> None:
    from_file = coopkit.Registry.from_json(EXAMPLE_JSON)
    assert len(from_file) == 16
    from_records = coopkit.Registry.from_records(records())
    assert dicts(from_file) == dicts(from_records)
    again = coopkit.Registry.from_json(from_file.to_json())
    assert dicts(again) == dicts(from_file)
    from_file.to_csv(tmp_path / "csv")
    from_csv = coopkit.Registry.from_csv(tmp_path / "csv")
    assert dicts(from_csv) == dicts(from_file)
    assert sum(c.member_count or 0 for c in from_file) == 396


def tables(recs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The records as rows of the three tables, in the CSV form's columns."""
    coops, members, positions = [], [], []
    for c in recs:
        row = {k: v for k, v in c.items() if k not in ("members", "positions", "employees", "summary")}
        for k, v in (c.get("employees") or {}).items():
            row[f"employees_{k}"] = v
        for k, v in (c.get("summary") or {}).items():
            row[f"summary_{k}"] = v
        coops.append(row)
        members += [{"cooperative_id": c["id"], **m} for m in c.get("members", [])]
        positions += [{"cooperative_id": c["id"], **p} for p in c.get("positions", [])]
    return full(coops), full(members), full(positions)


def full(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every row with every column (None where absent): pyarrow's
    from_pylist takes its columns from the first row only."""
    names: dict[str, None] = {}
    for r in rows:
        names.update(dict.fromkeys(r))
    return [{n: r.get(n) for n in names} for r in rows]


def test_frames_give_the_same_registry() -> None:
    pa = pytest.importorskip("pyarrow")
    c, m, p = tables(records())
    expected = dicts(coopkit.Registry.from_json(EXAMPLE_JSON))
    reg = coopkit.Registry.from_frames(pa.Table.from_pylist(c), pa.Table.from_pylist(m), pa.Table.from_pylist(p))
    assert dicts(reg) == expected
    try:
        import polars as pl
    except ImportError:
        pass
    else:
        reg = coopkit.Registry.from_frames(pl.DataFrame(c), pl.DataFrame(m), pl.DataFrame(p))
        assert dicts(reg) == expected
    try:
        import pandas as pd
    except ImportError:
        pass
    else:
        reg = coopkit.Registry.from_frames(pd.DataFrame(c), pd.DataFrame(m), pd.DataFrame(p))
        assert dicts(reg) == expected


def test_frame_problems_name_the_row() -> None:
    pa = pytest.importorskip("pyarrow")
    c, m, p = tables(records())
    m[5]["birth_date"] = "2024-02-30"
    m[40]["sex"] = "unknown"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(pa.Table.from_pylist(c), pa.Table.from_pylist(m), pa.Table.from_pylist(p))
    paths = {x.path for x in e.value.errors}
    assert {"members[5].birth_date", "members[40].sex"} <= paths, paths
    assert "2024-02-30" not in str(e.value)
    reg = coopkit.Registry.from_frames(
        pa.Table.from_pylist(c), pa.Table.from_pylist(m), pa.Table.from_pylist(p), lenient=True
    )
    bad = {m[5]["cooperative_id"], m[40]["cooperative_id"]}
    assert {r["id"] for r in reg.rejected} == bad and len(reg) == 16 - len(bad)


def test_members_listed_flag_marks_a_known_empty_list() -> None:
    pa = pytest.importorskip("pyarrow")
    coops = pa.Table.from_pylist([
        {"id": "A", "name": "A", "kind": "cooperative_group", "sector": "agriculture", "members_listed": True},
        {"id": "B", "name": "B", "kind": "cooperative_group", "sector": "agriculture", "members_listed": None},
    ])
    # A known empty list is a members table with no rows for it ...
    empty = pa.table({"cooperative_id": pa.array([], pa.string()), "id": pa.array([], pa.string()),
                      "type": pa.array([], pa.string())})
    reg = coopkit.Registry.from_frames(coops, empty)
    assert reg["A"].to_dict().get("members") == [] and "members" not in reg["B"].to_dict()
    # ... and a list said to be given with no members table at all is an
    # error: the table is missing, the members are not zero.
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops)
    assert [p.path for p in e.value.errors] == ["cooperatives[0].members_listed"]
    assert "the members table is missing" in e.value.errors[0].msg

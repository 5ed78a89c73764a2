"""Registry.from_frames: pandas, polars and pyarrow tables through the Arrow
PyCapsule interface."""

from __future__ import annotations

from typing import Any

import pytest

import coopkit

pa = pytest.importorskip("pyarrow")


def columns(records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    names = list(records[0])
    return {n: [r.get(n) for r in records] for n in names}


def frames(records: list[dict[str, Any]]) -> list[Any]:
    cols = columns(records)
    out: list[Any] = [pa.table(cols)]
    try:
        import polars as pl

        out.append(pl.DataFrame(cols))
    except ImportError:
        pass
    try:
        import pandas as pd

        out.append(pd.DataFrame(cols))
    except ImportError:
        pass
    return out


def test_every_library_gives_the_same_registry_as_records(records: list[dict[str, Any]]) -> None:
    expected = coopkit.Registry.from_records(records)
    for table in frames(records):
        reg = coopkit.Registry.from_frames(table)
        assert reg.ids() == expected.ids(), type(table)
        assert [c.to_dict() for c in reg] == [c.to_dict() for c in expected]


def test_string_and_dictionary_types_are_read(records: list[dict[str, Any]]) -> None:
    cols = columns(records)
    table = pa.table({
        "id": pa.array(cols["id"], pa.large_string()),
        "name": pa.array(cols["name"]).dictionary_encode(),
        "kind": pa.array(cols["kind"], pa.string_view()),
        "sector": pa.array(cols["sector"]),
    })
    assert coopkit.Registry.from_frames(table).ids() == ["C0", "C1", "C2"]


def test_member_rows_join_on_cooperative_id(records: list[dict[str, Any]]) -> None:
    coops = pa.table(columns(records))
    members = pa.table({"cooperative_id": ["C0", "ZZ", None], "id": ["m1", "m2", "m3"],
                        "type": ["individual"] * 3})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, members)
    found = {(p.path, p.code) for p in e.value.errors}
    assert ("members[1].cooperative_id", "unknown_reference") in found
    assert ("members[2].cooperative_id", "missing_field") in found


def test_row_problems_name_the_table_and_row(records: list[dict[str, Any]]) -> None:
    records[1]["kind"] = "club"
    table = pa.table(columns(records))
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(table)
    assert e.value.path == "cooperatives[1].kind"
    reg = coopkit.Registry.from_frames(table, lenient=True)
    assert reg.ids() == ["C0", "C2"] and reg.rejected[0]["errors"][0]["path"] == "cooperatives[1].kind"


def test_unsupported_column_type_is_named(records: list[dict[str, Any]]) -> None:
    cols: dict[str, Any] = columns(records)
    cols["blob"] = pa.array([b"x", b"y", b"z"], pa.binary())
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(pa.table(cols))
    assert e.value.path == "cooperatives.blob"


def test_missing_column_names_the_table(records: list[dict[str, Any]]) -> None:
    members = pa.table({"cooperative_id": ["C0"], "id": ["m1"]})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(pa.table(columns(records)), members)
    assert e.value.path == "members.type" and e.value.errors[0].code == "missing_field"


def test_float_money_is_refused_as_in_json(records: list[dict[str, Any]]) -> None:
    cols: dict[str, Any] = columns(records)
    cols["charter_capital_vnd"] = [1000.0, None, 5.0e8]
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(pa.table(cols))
    assert [p.path for p in e.value.errors] == ["cooperatives[0].charter_capital_vnd",
                                                 "cooperatives[2].charter_capital_vnd"]


def test_not_a_table() -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.Registry.from_frames([1, 2])
    assert e.value.path == "cooperatives"

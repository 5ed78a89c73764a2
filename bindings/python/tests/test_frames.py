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


# The example registry as the three tables of the CSV folder form, read back
# by each library with its own types (dates, booleans, integers), in several
# batches: from_frames must give exactly the registry from_csv gives.

TEXT = ["id", "cooperative_id", "province", "district", "commune", "ethnicity", "member", "name",
        "nationality"]


@pytest.fixture
def folder(tmp_path: Any) -> Any:
    from conftest import EXAMPLE_JSON

    coopkit.Registry.from_json(EXAMPLE_JSON).to_csv(tmp_path)
    return tmp_path


def arrow_tables(folder: Any, chunk: int) -> list[Any]:
    import pyarrow.csv as pc

    out = []
    for name in ("cooperatives.csv", "members.csv", "positions.csv"):
        path = folder / name
        names = pc.read_csv(path, read_options=pc.ReadOptions(skip_rows_after_names=1 << 30)).column_names
        t = pc.read_csv(path, convert_options=pc.ConvertOptions(
            column_types={c: pa.string() for c in names if c in TEXT}, strings_can_be_null=True))
        out.append(pa.Table.from_batches(t.to_batches(max_chunksize=chunk), t.schema))
    return out


def test_typed_tables_in_batches_are_the_csv_registry(folder: Any) -> None:
    want = coopkit.Registry.from_csv(folder).to_json()
    for chunk in (1, 7, 1000):
        tables = arrow_tables(folder, chunk)
        assert tables[1].num_rows == 396
        assert tables[1].schema.field("birth_date").type == pa.date32()
        assert coopkit.Registry.from_frames(*tables).to_json() == want


def test_polars_and_pandas_frames_are_the_csv_registry(folder: Any) -> None:
    want = coopkit.Registry.from_csv(folder).to_json()
    tables = arrow_tables(folder, 50)
    try:
        import polars as pl
    except ImportError:
        pass
    else:
        # polars hands strings over as string views, and all-null columns
        # with the Null type (which the binding turns into text first).
        frames = [pl.from_arrow(t) for t in tables]
        assert isinstance(frames[2], pl.DataFrame) and pl.Null in frames[2].schema.values()
        assert coopkit.Registry.from_frames(*frames).to_json() == want
    try:
        import pandas as pd
    except ImportError:
        pass
    else:
        dfs = [t.to_pandas() for t in tables]
        # A categorical column arrives as an Arrow dictionary.
        dfs[1]["sex"] = dfs[1]["sex"].astype("category")
        assert coopkit.Registry.from_frames(*dfs).to_json() == want


def test_member_problems_are_on_rows_counted_across_batches(folder: Any) -> None:
    coops, members, positions = arrow_tables(folder, 1000)
    capital = members.column("capital_vnd").to_pylist()
    capital[300] = -1
    members = members.set_column(members.schema.get_field_index("capital_vnd"), "capital_vnd",
                                 pa.array(capital, pa.int64()))
    ids = members.column("id").to_pylist()
    ids[390] = ids[389]
    members = members.set_column(members.schema.get_field_index("id"), "id", pa.array(ids))
    members = pa.Table.from_batches(members.to_batches(max_chunksize=16), members.schema)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, members, positions)
    paths = [(p.path, p.code) for p in e.value.errors]
    assert ("members[300].capital_vnd", "out_of_range") in paths
    assert any(p.startswith("members[390].") for p, _ in paths), paths
    assert all(".csv" not in p.path and ".csv" not in p.message for p in e.value.errors)
    reg = coopkit.Registry.from_frames(coops, members, positions, lenient=True)
    assert len(reg) == 16 - len(reg.rejected) and 1 <= len(reg.rejected) <= 2


def test_an_empty_member_table_keeps_its_columns(records: list[dict[str, Any]]) -> None:
    coops = pa.table(columns(records))
    empty = pa.table({"cooperative_id": pa.array([], pa.string()), "id": pa.array([], pa.string()),
                      "type": pa.array([], pa.string())})
    reg = coopkit.Registry.from_frames(coops, empty)
    assert reg.ids() == ["C0", "C1", "C2"]
    wrong = pa.table({"cooperative_id": pa.array([], pa.string()), "brith_date": pa.array([], pa.date32())})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, wrong)
    assert {p.path for p in e.value.errors} >= {"members.brith_date", "members.type"}


def test_integer_ids_are_their_digits(records: list[dict[str, Any]]) -> None:
    cols: dict[str, Any] = columns(records)
    cols["id"] = [101, 102, 103]
    reg = coopkit.Registry.from_frames(pa.table(cols))
    assert reg.ids() == ["101", "102", "103"]


def test_date_times_on_a_whole_day_are_dates_and_others_are_refused(records: list[dict[str, Any]]) -> None:
    import datetime as dt

    coops = pa.table(columns(records))

    def members(times: list[Any], tz: str | None = None) -> Any:
        return pa.table({
            "cooperative_id": ["C0"] * len(times), "id": [f"m{i}" for i in range(len(times))],
            "type": ["individual"] * len(times), "birth_date": pa.array(times, pa.timestamp("ns", tz)),
        })

    whole = [dt.datetime(1980, 5, 17), None, dt.datetime(1999, 12, 31)]
    reg = coopkit.Registry.from_frames(coops, members(whole))
    births = [m.get("birth_date") for m in reg["C0"].to_dict()["members"]]
    assert births == ["1980-05-17", None, "1999-12-31"]
    # A time of day is not cut off: the cell is refused, its value not quoted.
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, members([dt.datetime(1980, 5, 17), dt.datetime(1981, 1, 2, 13, 30)]))
    assert [(p.path, p.code) for p in e.value.errors] == [("members[1].birth_date", "invalid_date")]
    assert "1981" not in str(e.value)
    # A date-time with no day in range (2**62 seconds: billions of years) is
    # refused, never dropped as an absent cell; so is year 1 (before 1900).
    far = pa.table({
        "cooperative_id": ["C0", "C0", "C0"], "id": ["m0", "m1", "m2"], "type": ["individual"] * 3,
        "birth_date": pa.array([2**62, None, -62135596800], pa.timestamp("s")),
    })
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, far)
    assert [(p.path, p.code) for p in e.value.errors] == [
        ("members[0].birth_date", "invalid_date"),
        ("members[2].birth_date", "out_of_range"),
    ]
    # Time-zone-aware date-times count in their own zone (pandas' tz_localize).
    pd = pytest.importorskip("pandas")
    local = pd.Series(pd.to_datetime(["1980-05-17 00:00", "1999-12-31 00:00"])).dt.tz_localize("Asia/Ho_Chi_Minh")
    df = pd.DataFrame({"cooperative_id": ["C0", "C0"], "id": ["m0", "m1"], "type": ["individual"] * 2,
                       "birth_date": local})
    reg = coopkit.Registry.from_frames(coops, df)
    assert [m["birth_date"] for m in reg["C0"].to_dict()["members"]] == ["1980-05-17", "1999-12-31"]


def test_a_registry_gives_back_its_three_tables_typed() -> None:
    """`to_frames()` is the CSV folder form as tables, each column typed, and
    `from_frames(**to_frames())` is the same registry, through pandas,
    polars and pyarrow alike."""
    from conftest import EXAMPLE_JSON

    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    frames = reg.to_frames()
    assert list(frames) == ["cooperatives", "members", "positions"]
    assert len(frames["cooperatives"]) == len(reg) == 16 and len(frames["members"]) == 396
    assert all(isinstance(t, coopkit.Table) for t in frames.values())
    types = frames["members"].types
    assert (types["birth_date"], types["capital_vnd"], types["uses_services"]) == ("date", "count", "truth")
    assert coopkit.Registry.from_frames(**frames).to_json() == reg.to_json()
    pd = pytest.importorskip("pandas")
    members = frames["members"].to_pandas()
    assert str(members["capital_vnd"].dtype) == "Int64" and str(members["uses_services"].dtype) == "boolean"
    as_pandas = {k: v.to_pandas() for k, v in frames.items()}
    assert isinstance(as_pandas["members"], pd.DataFrame)
    assert coopkit.Registry.from_frames(**as_pandas).to_json() == reg.to_json()
    pl = pytest.importorskip("polars")
    as_polars = {k: v.to_polars() for k, v in frames.items()}
    assert as_polars["members"].schema["birth_date"] == pl.Date
    assert coopkit.Registry.from_frames(**as_polars).to_json() == reg.to_json()


def test_a_whole_number_in_a_float_column_says_to_use_int64(records: list[dict[str, Any]]) -> None:
    """pandas turns an integer column with a gap into float64; every such
    row is reported once, summarised by column, with what to do."""
    pd = pytest.importorskip("pandas")
    members = pd.DataFrame({
        "cooperative_id": [records[0]["id"]] * 30,
        "id": [f"m{i}" for i in range(30)],
        "type": ["individual"] * 30,
        "capital_vnd": [None if i % 10 == 0 else 1_000_000 for i in range(30)],
    })
    assert str(members["capital_vnd"].dtype) == "float64"
    coops = pd.DataFrame({k: [v] for k, v in records[0].items() if not isinstance(v, (list, dict))})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, members)
    assert e.value.error_count() == 27
    assert all("Int64" in p.msg and p.type == "invalid_type" for p in e.value.errors)
    text = str(e.value)
    assert text.count("float column") == 1 and "27 times" in text and "members[1].capital_vnd" in text
    # With the nullable integer type it loads, gaps and all.
    members["capital_vnd"] = members["capital_vnd"].astype("Int64")
    reg = coopkit.Registry.from_frames(coops, members)
    assert sum("capital_vnd" not in m for m in reg[0].to_dict()["members"]) == 3


def test_decimal_or_boolean_ids_are_refused_as_a_column(records: list[dict[str, Any]]) -> None:
    """An id column of floats (pandas' integer ids with a gap) or booleans
    would give ids like "1.0" that join nothing: the column is refused."""
    coops = pa.table({"id": [1.0], "name": ["A"], "kind": ["cooperative"], "sector": ["agriculture"]})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops)
    assert [p.path for p in e.value.errors] == ["cooperatives.id"] and "nullable integer" in e.value.errors[0].msg
    ints = pa.table({"id": [1], "name": ["A"], "kind": ["cooperative"], "sector": ["agriculture"]})
    assert coopkit.Registry.from_frames(ints).ids() == ["1"]

"""Issue 12: the package as polars, pandas and pydantic users expect it.
Each test holds a snippet that failed before as a regression case."""

from __future__ import annotations

import datetime
import pathlib
import pickle
from typing import Any

import pytest

import coopkit
from conftest import EXAMPLE_JSON

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

AS_OF = "2024-10-16"


@pytest.fixture(scope="module")
def reg() -> coopkit.Registry:
    return coopkit.Registry.from_json(EXAMPLE_JSON)


def test_options_after_the_first_argument_are_keyword_only(reg: coopkit.Registry) -> None:
    # `reg.check("2024-10-16")` used to be read as a law.
    with pytest.raises(TypeError):
        reg.check("2024-10-16")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        reg.classify("2024-10-16")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        coopkit.check(reg[0], "auto")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        reg.indicators("members", "province")  # type: ignore[call-arg]
    assert len(reg.check(as_of=AS_OF)) == len(reg)
    # One name is a one-element tuple.
    assert reg.indicators("members", by="province", as_of=AS_OF).to_dicts() == reg.indicators(
        ("members",), by=("province",), as_of=AS_OF
    ).to_dicts()


def test_numpy_and_pandas_dates_are_dates(reg: coopkit.Registry) -> None:
    want = reg.indicators("members", as_of=datetime.date(2024, 12, 31)).to_dicts()
    assert reg.indicators("members", as_of=np.datetime64("2024-12-31")).to_dicts() == want
    assert reg.indicators("members", as_of=pd.Timestamp("2024-12-31")).to_dicts() == want
    with pytest.raises(coopkit.ParameterError) as e:
        reg.indicators("members", as_of=np.datetime64("2024-12-31T10:30"))
    assert e.value.path == "as_of" and "time of day" in str(e.value)


def test_an_unknown_dimension_lists_the_valid_ones(reg: coopkit.Registry) -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        reg.indicators(by="provence", as_of=AS_OF)
    assert "province, district, commune, cooperative, sector" in str(e.value)


def frames_of(reg: coopkit.Registry, tmp_path: pathlib.Path) -> tuple[Any, Any, Any]:
    reg.to_csv(tmp_path)
    read = lambda name: pd.read_csv(tmp_path / name, dtype=str, keep_default_na=False).replace("", None)  # noqa: E731
    return read("cooperatives.csv"), read("members.csv"), read("positions.csv")


def test_a_pandas_index_is_never_a_column(reg: coopkit.Registry, tmp_path: pathlib.Path) -> None:
    coops, members, positions = frames_of(reg, tmp_path)
    # A filtered frame keeps its index (4, 9, ...): it used to fail with
    # "__index_level_0__: unknown column".
    some = coops[coops["province"] == "51"].iloc[::2]
    assert not some.index.equals(pd.RangeIndex(len(some)))
    named = some.set_index("id", drop=False)
    named.index.name = "row"
    for frame in (some, named):
        got = coopkit.Registry.from_frames(frame, members[members["cooperative_id"].isin(frame["id"])], positions[positions["cooperative_id"].isin(frame["id"])])
        assert got.ids() == list(frame["id"])


def test_a_lazy_frame_is_refused_with_what_to_do(reg: coopkit.Registry, tmp_path: pathlib.Path) -> None:
    coops, _, _ = frames_of(reg, tmp_path)
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.Registry.from_frames(pl.from_pandas(coops).lazy())
    assert e.value.path == "cooperatives" and ".collect()" in str(e.value)


def test_problems_read_as_pydantic_errors() -> None:
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json('{"cooperatives": [{"id": "A", "kind": "cooperative", "name": "x", "sector": "agriculture", "members": [{"id": "m", "type": "individual", "birth_date": "1990-02-30"}]}]}')
    p = e.value.errors[0]
    assert p.loc == ("cooperatives", 0, "members", 0, "birth_date")
    assert (p.path, p.type, p.msg) == ("cooperatives[0].members[0].birth_date", "invalid_date", p.message)
    assert e.value.error_count() == len(e.value.errors) == 1
    # A lenient read gives the same fields for each rejected record.
    lenient = coopkit.Registry.from_json(
        '{"cooperatives": [{"id": "A", "kind": "cooperative", "name": "x", "sector": "farming"}]}', lenient=True
    )
    r = lenient.rejected[0]["errors"][0]
    assert (r["loc"], r["path"], r["code"]) == (("cooperatives", 0, "sector"), "cooperatives[0].sector", "invalid_value")
    again = pickle.loads(pickle.dumps(e.value))
    assert again.errors == e.value.errors


def test_a_problem_down_a_column_is_one_line_and_the_message_stays_short() -> None:
    coops = pd.DataFrame({"id": ["A"], "kind": ["cooperative"], "name": ["x"], "sector": ["agriculture"], "members_listed": [True]})
    n = 2_000
    members = pd.DataFrame(
        {
            "cooperative_id": ["A"] * n,
            "id": [f"m{i}" for i in range(n)],
            "type": ["individual"] * n,
            "capital_vnd": [float(i) if i % 3 else None for i in range(n)],  # gaps make it float64
        }
    )
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, members)
    text = str(e.value)
    assert e.value.error_count() == sum(1 for i in range(n) if i % 3) - 0
    assert len(text.splitlines()) == 2, text
    assert f"members[*].capital_vnd: " in text and f"({e.value.error_count()} times: members[1].capital_vnd" in text
    assert len(text) < 500


def test_a_missing_file_is_file_not_found(tmp_path: pathlib.Path) -> None:
    for read in (coopkit.Registry.from_json, coopkit.Registry.from_csv):
        with pytest.raises(FileNotFoundError) as e:
            read(tmp_path / "nowhere.json")
        assert isinstance(e.value, coopkit.CoopkitError) and isinstance(e.value, coopkit.MissingFileError)
        assert e.value.code == "io" and "nowhere" in (e.value.path or "")


def test_findings_and_classifications_are_tables(reg: coopkit.Registry) -> None:
    f = reg.findings(as_of=AS_OF, lang="vi")
    reports = reg.check(as_of=AS_OF)
    assert len(f) == sum(len(r.findings) for r in reports)
    failed = f.to_pandas().query("status == 'fail'")
    assert sorted(set(failed["cooperative"])) == sorted(r.cooperative for r in reports if not r.ok)
    qn08 = failed[failed["cooperative"] == "QN08"].iloc[0]
    want = [x for x in reports if x.cooperative == "QN08"][0].failures()[0]
    assert qn08["citation"] == want.citation_vi and "Luật Hợp tác xã" in qn08["citation"]
    assert qn08["rule_label"] != qn08["rule"] and qn08["message"] == want.message["vi"]
    en = reg.findings(as_of=AS_OF, lang="en").to_pandas().query("status == 'fail'")
    assert en.iloc[0]["message"] == [x for x in reports if x.cooperative == en.iloc[0]["cooperative"]][0].failures()[0].message["en"]
    c = reg.classify(as_of=AS_OF)
    frame = c.to_pandas()
    assert list(frame["cooperative"]) == reg.ids()
    assert str(frame["women_managed_declared"].dtype) == "boolean"
    assert c.to_polars().schema["has_minority_member"] == pl.Boolean


def test_every_table_crosses_as_arrow_with_its_types(reg: coopkit.Registry) -> None:
    t = reg.indicators(by="province", as_of="2024-12-31")
    assert pa.table(t).num_rows == len(t)
    frame = pl.DataFrame(t)
    # Empty columns are still text, counts still integers: two tables concatenate.
    assert frame.schema["disaggregation"] == pl.String and frame.schema["numerator"] == pl.Int64
    other = pl.DataFrame(reg.indicators(by="province", as_of="2023-12-31"))
    assert len(pl.concat([frame, other])) == 2 * len(t)
    p = t.to_pandas()
    assert str(p["numerator"].dtype) == "Int64" and str(p["indicator"].dtype).startswith("str")
    assert t[0] == t.to_dicts()[0] and t["indicator"] == t.column("indicator")


def test_a_wide_table_has_one_column_per_indicator_labelled(reg: coopkit.Registry) -> None:
    t = reg.indicators(("members", "members_female"), by="cooperative", as_of="2024-12-31")
    wide = t.to_pandas(wide=True, lang="vi")
    assert list(wide.columns) == [coopkit.indicator_label("members", "vi"), coopkit.indicator_label("members_female", "vi")]
    assert len(wide) == len(reg)
    long = t.to_pandas()
    first = long[long["indicator"] == "members"].iloc[0]
    assert wide.loc[first["cooperative"], coopkit.indicator_label("members", "vi")] == first["value"]


def test_the_package_namespace_is_clean() -> None:
    assert "annotations" not in dir(coopkit)
    assert coopkit.Lang is not None and coopkit.Status is not None


def test_a_registry_filters_to_a_part_in_its_order(reg: coopkit.Registry) -> None:
    farms = reg.filter(sector="agriculture")
    assert farms.ids() == [c.id for c in reg if c.sector == "agriculture"] and 0 < len(farms) < len(reg)
    assert reg.filter(province="51").ids() == [c.id for c in reg if c.province == "51"]
    assert reg.filter(ids=["QN08", "QN01"]).ids() == ["QN01", "QN08"]
    assert reg.filter(ids="QN08", sector=("agriculture", "trade_services")).ids() == [
        i for i in ["QN08"] if reg["QN08"].sector in ("agriculture", "trade_services")
    ]
    assert reg.filter(province="99").ids() == []
    with pytest.raises(coopkit.ParameterError) as e:
        reg.filter(ids=["QN01", "nope"])
    assert e.value.path == "ids[1]"
    with pytest.raises(coopkit.ParameterError) as e:
        reg.filter(sector="farming")
    assert "agriculture" in str(e.value)
    # The part is a registry like any other.
    assert len(farms.indicators("members", as_of=AS_OF)) == 1

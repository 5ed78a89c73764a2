"""Registry.indicators: the core's table, as columns and frames."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import coopkit

from conftest import EXAMPLE_JSON

pytestmark = pytest.mark.skipif(not EXAMPLE_JSON.exists(), reason="example data not in this checkout")


@pytest.fixture(scope="module")
def registry() -> coopkit.Registry:
    return coopkit.Registry.from_json(EXAMPLE_JSON)


def by_indicator(t: coopkit.IndicatorTable) -> dict[str, dict[str, Any]]:
    return {r["indicator"]: r for r in t.to_dicts() if r["category"] is None}


def test_the_five_published_figures(registry: coopkit.Registry) -> None:
    t = registry.indicators(by=("province",), as_of="2024-10-16")
    rows = by_indicator(t)
    assert {r["province"] for r in t.to_dicts()} == {"51"}
    assert rows["cooperatives"]["value"] == 16
    assert rows["members"]["value"] == 396
    assert rows["members_female"]["value"] == 145
    assert rows["board_female"]["value"] == 48
    assert rows["coops_with_minority_member"]["value"] == 6
    share = rows["members_female_share"]
    assert (share["numerator"], share["denominator"]) == (145, 396)


def test_rows_equal_the_core_json(registry: coopkit.Registry) -> None:
    t = registry.indicators(by=("sector", "kind"), as_of="2024-10-16", women_managed_rule="women_owned")
    core = json.loads(t.to_json())
    assert core["women_managed_rule"] == t.women_managed_rule == "women_owned"
    assert t.to_dicts() == core["rows"]
    assert len(t) == len(core["rows"]) and t.columns[:2] == ["sector", "kind"]


def test_ids_choose_and_order(registry: coopkit.Registry) -> None:
    t = registry.indicators(ids=["members_female_share", "cooperatives"], as_of="2024-10-16")
    assert t.column("indicator") == ["members_female_share", "cooperatives"]


def test_disaggregation_and_totals(registry: coopkit.Registry) -> None:
    t = registry.indicators(ids=["members"], as_of="2024-10-16", disaggregate="sex")
    cats = {r["category"]: r["value"] for r in t.to_dicts()}
    assert cats[None] == 396 and cats["female"] == 145
    t = registry.indicators(ids=["cooperatives"], by=("district",), as_of="2024-10-16", totals=True)
    total = [r for r in t.to_dicts() if r["district"] is None]
    assert [r["value"] for r in total] == [16]


def test_bad_arguments_are_parameter_errors(registry: coopkit.Registry) -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        registry.indicators(ids=["members", "bogus"], by=("planet",))
    assert "ids[1]" in str(e.value) and "by[0]" in str(e.value)
    with pytest.raises(coopkit.ParameterError) as e:
        registry.indicators(women_managed_rule="mostly")  # type: ignore[arg-type]
    assert e.value.path == "women_managed_rule"
    with pytest.raises(coopkit.ParameterError) as e:
        registry.indicators(disaggregate="height")  # type: ignore[arg-type]
    assert e.value.path == "disaggregate"


def test_frames_from_the_columns(registry: coopkit.Registry) -> None:
    t = registry.indicators(by=("province",), as_of="2024-10-16")
    pa = pytest.importorskip("pyarrow")
    at = t.to_arrow()
    assert isinstance(at, pa.Table) and at.num_rows == len(t) and at.column_names == t.columns
    pl = pytest.importorskip("polars")
    pf = t.to_polars()
    assert isinstance(pf, pl.DataFrame) and pf.height == len(t)
    pd = pytest.importorskip("pandas")
    df = t.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(t)
    assert df.loc[df.indicator == "members_female", "value"].iloc[0] == 145


def test_html_reasons_in_the_chosen_language(registry: coopkit.Registry) -> None:
    t = registry.indicators(["members_female_share", "board_female_share"], by="cooperative", as_of="2024-10-16")
    en, vi = t.to_html("en"), t.to_html("vi")
    assert '<th title="reason">reason</th>' in en and 'title="reason_vi"' not in en
    assert '<th title="reason_vi">lý do</th>' in vi and 'title="reason"' not in vi
    assert "<td>the denominator is zero</td>" in en and "<td>mẫu số bằng 0</td>" in vi
    # No breakdown was asked for: its empty columns are not shown.
    assert 'title="disaggregation"' not in en and "disaggregation" in t.columns
    t = registry.indicators(as_of="2024-10-16")
    en, vi = t.to_html("en"), t.to_html("vi")
    # Each indicator shows by its label in the chosen language, its id in the title.
    assert '<span title="members_female">Women members</span>' in en
    assert '<span title="members_female">Số thành viên nữ</span>' in vi


def test_indicator_label() -> None:
    assert coopkit.indicator_label("board_female", "en") == "Board seats held by women"
    assert coopkit.indicator_label("board_female", "vi") == "Số ghế Hội đồng quản trị do nữ nắm giữ"
    with pytest.raises(coopkit.ParameterError):
        coopkit.indicator_label("no_such_indicator")


def test_option_errors_and_words_come_from_the_core(registry: coopkit.Registry) -> None:
    # The core's message: names the values, never quotes what was typed.
    with pytest.raises(coopkit.ParameterError) as e:
        registry.indicators(women_managed_rule="mostly")  # type: ignore[arg-type]
    msg = str(e.value)
    assert "chair_or_director, management_majority, women_owned, declared" in msg and "mostly" not in msg
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check({"id": "x"}, law="vn-2099")  # type: ignore[arg-type]
    assert e.value.path == "law" and "auto, vn-2012, vn-2023" in str(e.value)
    words = coopkit._coopkit._vocabulary("vi")  # type: ignore[attr-defined]
    assert words["status"]["fail"] == "không đạt"
    assert words["term"]["unknown"] == coopkit._coopkit._vocabulary("vi")["term"]["unknown"]  # type: ignore[attr-defined]
    assert words["sector"]["agriculture"] == "nông nghiệp"
    # The Vietnamese HTML of a classification shows the core's labels.
    c = coopkit.classify(registry[0], as_of="2024-10-16")
    vi = c.to_html("vi")
    assert "Chủ tịch Hội đồng quản trị hoặc Giám đốc là nữ" in vi and "women_managed.chair_or_director" in vi


def test_programme_targets_and_progress_agree_with_the_indicators() -> None:
    """Progress towards each measurable target is the registry's own indicator
    (over the target's kind of organisation), and the same in every runtime.
    Targets and progress are tables, like every other result."""
    reg = coopkit.Registry.from_json(str(EXAMPLE_JSON))
    targets = coopkit.targets()
    assert isinstance(targets, coopkit.Table) and len(targets) > 0
    assert all(("01/QĐ-TTg" if t["target"].startswith("programme.") else "28/NQ-CP") in t["citation"] for t in targets)
    progress = reg.progress(as_of="2025-12-31")
    assert isinstance(progress, coopkit.Table)
    assert progress["target"] == targets["target"]
    assert progress["description"] == targets["description"]
    by_kind = reg.indicators(by="kind", as_of="2025-12-31").to_dicts()
    overall = reg.indicators(as_of="2025-12-31").to_dicts()
    measured = 0
    for t, p in zip(targets, progress):
        if not t["measurable"]:
            assert t["indicator"] is None and p["achieved"] is None and p["reason"]
            continue
        rows = by_kind if t["kind"] else overall
        want = [r for r in rows if r["indicator"] == t["indicator"] and (not t["kind"] or r["kind"] == t["kind"])]
        assert p["target_value"] == t["value"] and p["unit"] == t["unit"]
        if t["unit"] == "percent":
            # Resolution 28's share of women directors: the indicator's own
            # numerator and denominator, met exactly at the target.
            assert (p["numerator"], p["denominator"]) == (want[0]["numerator"], want[0]["denominator"]), t["target"]
            assert p["achieved"] is None and p["met"] == (100 * p["numerator"] >= t["value"] * p["denominator"])
        else:
            assert p["achieved"] == (want[0]["numerator"] if want else 0), t["target"]
        measured += 1
    assert measured > 0
    # With a baseline, whether progress is on track is told.
    first = next(t for t in targets if t["measurable"])
    p = reg.progress(as_of="2025-12-31", baselines={first["target"]: {"date": "2023-01-03", "value": 0}})
    assert isinstance(next(x for x in p if x["target"] == first["target"])["on_track"], bool)
    with pytest.raises(coopkit.ParameterError):
        reg.progress(baselines={"no.such.target": {"date": "2024-01-01", "value": 1}})


def test_targets_and_progress_are_typed_frames_in_either_language() -> None:
    """Counts stay integers and yes/no/unknown stays boolean in pandas and
    polars; the text follows `lang` (and `set_language`)."""
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    reg = coopkit.Registry.from_json(str(EXAMPLE_JSON))
    vi = coopkit.targets(lang="vi")
    en = coopkit.targets(lang="en")
    assert vi["description"] != en["description"] and all(vi["description"])
    assert any("Quyết định" in c for c in vi["citation"]) and not any("Quyết định" in c for c in en["citation"])
    frame = reg.progress(as_of="2025-12-31", lang="vi").to_pandas()
    assert str(frame["target_value"].dtype) == "Int64" and str(frame["achieved"].dtype) == "Int64"
    assert str(frame["met"].dtype) == "boolean" and str(frame["share"].dtype) == "float64"
    assert frame["reason"].isna().sum() < len(frame)  # a reason where something is missing
    lazy = pl.concat([reg.progress(as_of="2024-12-31").to_polars(), reg.progress(as_of="2025-12-31").to_polars()])
    assert lazy.schema["achieved"] == pl.Int64 and lazy.height == 2 * len(en)
    assert pd.api.types.is_datetime64_any_dtype(pd.to_datetime(coopkit.targets().to_pandas()["due"]))


def test_a_trend_over_several_dates_is_one_table_equal_to_each_date() -> None:
    """A women's union sees several years in one call: an `as_of` column
    first, and for each date the rows a query at that date alone gives."""
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    # One cooperative dissolved mid-2025: it counts in 2024, not in 2025.
    data["cooperatives"][0]["dissolved"] = "2025-07-01"
    reg = coopkit.Registry.from_json(json.dumps(data))
    trend = reg.indicators(ids=["cooperatives", "members_female"], by="province", years=(2023, 2025))
    assert trend.columns[0] == "as_of"
    dates = [datetime.date(y, 12, 31) for y in (2023, 2024, 2025)]
    assert sorted(set(trend.column("as_of"))) == dates
    for d in dates:
        alone = reg.indicators(ids=["cooperatives", "members_female"], by="province", as_of=d).to_dicts()
        assert [{k: v for k, v in r.items() if k != "as_of"} for r in trend.to_dicts() if r["as_of"] == d] == alone
    counts = {r["as_of"].year: r["value"] for r in trend.to_dicts() if r["indicator"] == "cooperatives"}
    assert counts == {2023: 16, 2024: 16, 2025: 15}
    # A list of dates gives the same table; as a pandas frame the dates are a column.
    listed = reg.indicators(ids=["cooperatives", "members_female"], by="province", as_of=[d.isoformat() for d in dates])
    assert listed.to_dicts() == trend.to_dicts()
    assert json.loads(listed.to_json())["dates"] == [d.isoformat() for d in dates]
    with pytest.raises(coopkit.ParameterError) as e:
        reg.indicators(as_of=["2024-01-01"], years=(2020, 2021))
    assert e.value.path == "years"
    with pytest.raises(coopkit.ParameterError) as e:
        reg.indicators(as_of=["2024-01-01", "31/12/2024"])
    assert e.value.path == "as_of[1]" and "31/12" not in str(e.value)
    with pytest.raises(coopkit.ParameterError):
        reg.indicators(years=(2026, 2020))
    # The registry still answers afterwards.
    assert reg.indicators(ids="cooperatives", as_of="2024-12-31").to_dicts()[0]["value"] == 16


def test_a_dissolved_cooperative_is_not_checked_after_its_dissolution() -> None:
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    coop = data["cooperatives"][13]  # QN14, which fails the minimum membership
    coop["dissolved"] = "2024-10-01"
    r = coopkit.check(coop, as_of="2024-10-16")
    assert r.dissolved_on_as_of and r.ok
    assert {f.status for f in r.findings} == {"not_applicable"}
    assert "01/10/2024" in r.findings[0].message["vi"]
    assert not coopkit.check(coop, as_of="2024-09-30").dissolved_on_as_of
    coop["dissolved"] = "2019-01-01"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2024-10-16")
    assert e.value.path == "dissolved"

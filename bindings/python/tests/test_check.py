"""coopkit.check and coopkit.classify: inputs, results, rendering."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest

import coopkit
from coopkit import _coopkit

from conftest import EXAMPLE_JSON


def core_check(coop: dict[str, Any], law: str, as_of: str) -> dict[str, Any]:
    """The core's answer with no Python object in between (JSON in, JSON out)."""
    result: dict[str, Any] = json.loads(_coopkit._core_check_json(json.dumps(coop), law, as_of))
    return result


@pytest.mark.parametrize("law", ["auto", "vn-2012", "vn-2023"])
@pytest.mark.parametrize("as_of", ["2020-01-01", "2024-06-30", "2024-07-01", "2025-03-08"])
def test_check_from_dict_equals_the_core(coop: dict[str, Any], law: str, as_of: str) -> None:
    report = coopkit.check(coop, law=law, as_of=as_of)
    assert report.to_dict() == core_check(coop, law, as_of)
    assert json.loads(report.to_json()) == report.to_dict()


def test_auto_law_follows_the_date(coop: dict[str, Any]) -> None:
    assert coopkit.check(coop, as_of="2024-06-30").law == "vn-2012"
    assert coopkit.check(coop, as_of="2024-07-01").law == "vn-2023"
    named = coopkit.check(coop, law="vn-2012", as_of="2025-01-01")
    assert named.law == "vn-2012" and named.law_in_force is False


def test_dict_json_text_and_cooperative_give_one_result(coop: dict[str, Any]) -> None:
    a = coopkit.check(coop, as_of="2025-01-01").to_dict()
    b = coopkit.check(json.dumps(coop), as_of="2025-01-01").to_dict()
    c = coopkit.check(coopkit.Cooperative.from_dict(coop), as_of="2025-01-01").to_dict()
    assert a == b == c


def test_as_of_accepts_date_datetime_string_and_none(coop: dict[str, Any]) -> None:
    d = datetime.date(2024, 10, 16)
    assert coopkit.check(coop, as_of=d).as_of == d
    assert coopkit.check(coop, as_of=datetime.datetime(2024, 10, 16, 23, 59)).as_of == d
    assert coopkit.check(coop, as_of="2024-10-16").as_of == d
    assert coopkit.check(coop).as_of == datetime.date.today()


def test_report_attributes_and_repr(coop: dict[str, Any]) -> None:
    r = coopkit.check(coop, as_of="2024-10-16")
    assert r.cooperative == "HTX01"
    assert r.ok == (not any(f.status == "fail" for f in r.findings))
    counts = r.counts()
    assert set(counts) == {"pass", "fail", "not_assessable", "not_applicable"}
    assert sum(counts.values()) == len(r.findings)
    assert len(r.failures()) == counts["fail"]
    assert re.fullmatch(r"<CheckReport HTX01 vn-2023 2024-10-16: .+>", repr(r)), repr(r)


def test_findings_mirror_to_dict(coop: dict[str, Any]) -> None:
    r = coopkit.check(coop, as_of="2024-10-16")
    for f, d in zip(r.findings, r.to_dict()["findings"], strict=True):
        assert f.to_dict() == d
        assert (f.rule, f.law, f.status, f.citation, f.subject) == (
            d["rule"], d["law"], d["status"], d["citation"], d["subject"])
        assert f.measured == d.get("measured") and f.required == d.get("required")
        assert f.comparison == d.get("comparison")
        assert (f.comparison is None) == (f.required is None)
        assert f.parameters == d.get("parameters", [])
        assert f.text("vi") == d["message"]["vi"] and f.text("en") == d["message"]["en"]


def test_html_in_either_language(coop: dict[str, Any]) -> None:
    r = coopkit.check(coop, as_of="2024-10-16")
    en = r.to_html(lang="en")
    vi = r.to_html(lang="vi")
    assert en.startswith("<table") and "citation" in en
    assert "căn cứ" in vi and "citation" not in vi
    for f in r.findings:
        assert f.citation in en and f.message["vi"] in vi
    try:
        coopkit.set_language("vi")
        assert coopkit.get_language() == "vi"
        assert r._repr_html_() == vi
        r.lang = "en"
        assert r._repr_html_() == en
    finally:
        coopkit.set_language("en")
    with pytest.raises(coopkit.ParameterError) as e:
        r.lang = "fr"  # type: ignore[assignment]
    assert e.value.path == "lang"


def test_html_escapes_record_text(coop: dict[str, Any]) -> None:
    coop["id"] = "<b>x</b>"
    html = coopkit.check(coop, as_of="2024-10-16").to_html()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_bad_law_and_date_name_the_argument(coop: dict[str, Any]) -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check(coop, law="vn-2099")  # type: ignore[arg-type]
    assert e.value.path == "law" and e.value.code == "parameter"
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check(coop, as_of="2024-02-30")
    assert e.value.path == "as_of"
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check(coop, as_of=20240101)  # type: ignore[arg-type]
    assert e.value.path == "as_of"
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check(42)  # type: ignore[arg-type]
    assert e.value.path == "coop"


def test_classify_equals_the_core(coop: dict[str, Any]) -> None:
    c = coopkit.classify(coop, as_of="2025-01-01")
    expected = json.loads(_coopkit._core_classify_json(json.dumps(coop), "2025-01-01"))
    assert c.to_dict() == expected
    assert c.cooperative == "HTX01" and c.as_of == datetime.date(2025, 1, 1)
    assert list(c.women_managed) == ["chair_or_director", "management_majority", "women_owned", "declared"]
    assert [c.women_managed[w["rule"]] for w in expected["women_managed"]] == [
        w["value"] for w in expected["women_managed"]]
    assert c.size_class == expected["size_class"].get("class")
    assert c.size_status == expected["size_class"]["status"]
    assert (c.size_status == "determined") == (c.size_class is not None)
    assert c.has_minority_member == expected["has_minority_member"]
    assert repr(c).startswith("<Classification HTX01 2025-01-01")
    assert "women_managed.chair_or_director" in c._repr_html_()


def test_parameters_table(coop: dict[str, Any]) -> None:
    builtin = coopkit.Parameters.builtin()
    assert all(p["confirmed"] for p in builtin.to_list())
    toml = """
[[parameter]]
id = "size.c01.medium.capital_vnd"
start = "2000-01-01"
value = 7
unit = "count"
citation = "user table"
"""
    p = coopkit.Parameters.from_toml(toml)
    assert len(p) == len(builtin) + 1
    assert any(e["id"] == "size.c01.medium.capital_vnd" for e in p.to_list())
    # a table, or its TOML text, is accepted by check and classify
    assert coopkit.check(coop, as_of="2025-01-01", parameters=p).to_dict() == coopkit.check(
        coop, as_of="2025-01-01", parameters=toml).to_dict()
    coopkit.classify(coop, as_of="2025-01-01", parameters=p)
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.Parameters.from_toml(toml.replace('"2000-01-01"', '"2000-13-01"'))
    assert e.value.path == "parameters" and "parameter[0].start" in str(e.value)
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.check(coop, parameters=3)  # type: ignore[arg-type]
    assert e.value.path == "parameters"
    # A misspelt id would be accepted and never used: it is an error.
    with pytest.raises(coopkit.ParameterError) as e:
        coopkit.Parameters.from_toml(toml.replace("size.c01.medium.capital_vnd", "size.c01.medium.capitol_vnd"))
    assert "parameter[0].id" in str(e.value) and "capitol" not in str(e.value)


def test_cooperative_object(coop: dict[str, Any]) -> None:
    c = coopkit.Cooperative.from_dict(coop)
    assert (c.id, c.name, c.kind, c.sector) == ("HTX01", coop["name"], "cooperative", "agriculture")
    assert c.to_dict() == coop
    assert coopkit.Cooperative.from_json(c.to_json()) == c
    assert repr(c) == "<Cooperative HTX01 cooperative>"


README_COOP: dict[str, Any] = {
    "id": "HTX-01", "name": "HTX Dệt thổ cẩm", "kind": "cooperative", "sector": "industry_construction",
    "charter_capital_vnd": 100000000,
    "members": [
        {"id": "m1", "type": "individual", "sex": "female", "birth_date": "1980-05-01",
         "contributes_capital": True, "uses_services": True, "contributes_labour": True, "capital_vnd": 40000000},
        {"id": "m2", "type": "individual", "sex": "female", "birth_date": "1985-01-01",
         "contributes_capital": True, "uses_services": True, "contributes_labour": False, "capital_vnd": 60000000},
    ],
    "positions": [{"role": "director", "member": "m1"}],
}


def test_a_failing_cooperative() -> None:
    r = coopkit.check(README_COOP, as_of="2025-03-01")
    assert r.ok is False and r.law == "vn-2023"
    failed = {f.rule for f in r.failures()}
    assert "members.minimum" in failed
    minimum = next(f for f in r.findings if f.rule == "members.minimum")
    assert (minimum.measured, minimum.required, minimum.subject) == (2, 5, "cooperative")
    assert minimum.comparison == "at_least"
    assert [p["id"] for p in minimum.parameters] == ["members.minimum.cooperative"]
    assert minimum.parameters[0]["confirmed"] is True
    assert minimum.citation.startswith("Law 17/2023/QH15")
    assert minimum.text("vi") != minimum.text("en") and minimum.text("vi")
    assert f"{r.counts()['fail']} fail" in repr(r)
    assert r.to_dict() == core_check(README_COOP, "auto", "2025-03-01")
    html = r.to_html("vi")
    assert "không đạt" in html and minimum.citation_vi in html
    assert minimum.citation_vi == "khoản 7 Điều 4 Luật Hợp tác xã số 17/2023/QH15"
    assert minimum.citation in r.to_html("en")
    assert "<td class=\"num\">≥ 5</td>" in html
    # the same cooperative under the 2012 law, a date it was in force
    old = coopkit.check(README_COOP, law="vn-2012", as_of="2020-01-01")
    assert old.law == "vn-2012" and old.law_in_force
    assert old.to_dict() == core_check(README_COOP, "vn-2012", "2020-01-01")


def test_a_cooperative_not_yet_established(coop: dict[str, Any]) -> None:
    coop["established"] = "2025-03-01"
    r = coopkit.check(coop, as_of="2024-10-16")
    assert r.established_on_as_of is False and r.ok
    assert {f.status for f in r.findings} == {"not_applicable"}
    assert all("established on 2025-03-01" in f.text("en") for f in r.findings)
    assert r.to_dict()["established_on_as_of"] is False
    assert "not yet established" in r.to_html("en")
    assert coopkit.check(coop, as_of="2025-03-01").established_on_as_of is True


def test_the_vietnamese_html_reads_as_vietnamese() -> None:
    """What a Vietnamese reader sees in a notebook: labels for rules and codes,
    citations in legal style, dates dd/mm/yyyy, decimal commas."""
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    for cid in ("QN08", "QN11", "QN14"):
        html = reg.check(as_of="2024-10-16")[reg.ids().index(cid)].to_html("vi")
        html += coopkit.classify(reg[cid], as_of="2024-10-16").to_html("vi")
        text = re.sub(r"<[^>]+>", " ", html)
        text = re.sub(r'title="[^"]*"', "", text)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), cid
        # Rule ids never show; a parameter id a user would type may (in a message).
        for english in ("Law ", "Art.", "Decree ", "Circular ", "not assessable", "members.minimum",
                        "capital.member_cap", "governance.structure_allowed", "35.0", "micro"):
            assert english not in text, (cid, english)
        assert "16/10/2024" in text and "Luật Hợp tác xã số 17/2023/QH15" in text
    html = reg.check(as_of="2024-10-16")[reg.ids().index("QN08")].to_html("vi")
    assert "vốn góp tối đa của một thành viên" in html
    # Values with their units, as a Vietnamese reader writes them; numbers on the right.
    assert '<td class="num">35 %</td><td class="num">≤ 30 %</td>' in html
    assert '<td class="num">140.000.000 đồng</td><td class="num">= 140.000.000 đồng</td>' in html
    assert "<td>một trong cá nhân, hộ gia đình" in html
    en = reg.check(as_of="2024-10-16")[reg.ids().index("QN08")].to_html("en")
    assert '<td class="num">140,000,000 VND</td>' in en and "<td>member QN08-M" in en
    assert "<td>thành viên QN08-M" in html

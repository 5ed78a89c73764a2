"""Administrative units with dates: names beside codes, codes checked on
read, and a 2024 registry put onto 2026 units, as the core does them.

The codes other than 51 are made up for the test; they are not official."""

from __future__ import annotations

import json
from typing import Any

import pytest

import coopkit

UNITS = """\
code,name,level,kind,parent,valid_from,valid_to,successors,source
51,Quảng Ngãi,province,tinh,,,2025-06-30,QN,test fixture
KT,Kon Tum,province,tinh,,,2025-06-30,QN,test fixture
QN,Quảng Ngãi,province,tinh,,2025-07-01,,,test fixture
C1,Ba Tơ,commune,thi_tran,51,,2025-06-30,N1,test fixture
C2,Ba Động,commune,xa,51,,2025-06-30,N2,test fixture
K1,Sa Thầy,commune,thi_tran,KT,,2025-06-30,N3,test fixture
C4,Ba Thành,commune,xa,51,,2025-06-30,N4;N5,test fixture
N1,Ba Tơ,commune,xa,QN,2025-07-01,,,test fixture
N2,Ba Động,commune,xa,QN,2025-07-01,,,test fixture
N3,Sa Thầy,commune,xa,QN,2025-07-01,,,test fixture
N4,Ba Vinh,commune,xa,QN,2025-07-01,,,test fixture
N5,Ba Xa,commune,xa,QN,2025-07-01,,,test fixture
"""


def coop(id: str, province: str, commune: str, members: int, women: int) -> dict[str, Any]:
    return {"id": id, "name": "HTX", "kind": "cooperative", "sector": "agriculture", "province": province,
            "district": "H1", "commune": commune, "summary": {"members": members, "members_female": women}}


RECORDS = [coop("a", "51", "C1", 10, 4), coop("b", "51", "C2", 20, 9), coop("d", "KT", "K1", 12, 5),
           coop("e", "51", "C4", 9, 3)]


def test_units_load_and_name_codes_on_their_dates() -> None:
    units = coopkit.Units.from_csv(UNITS)
    assert len(units) == 12 and len(coopkit.Units.builtin()) == 1
    assert units.name("commune", "C2", "2025-06-30") == "Ba Động"
    assert units.name("commune", "C2", "2025-07-01") is None
    reg = coopkit.Registry.from_records(RECORDS)
    t = reg.indicators(ids="members", by=["province", "commune"], as_of="2024-12-31", units=units)
    assert t.columns[:4] == ["province", "province_name", "commune", "commune_name"]
    assert {(r["province_name"], r["commune_name"]) for r in t.to_dicts()} >= {("Kon Tum", "Sa Thầy")}


def test_a_2024_registry_on_2026_units_keeps_its_counts() -> None:
    units = coopkit.Units.from_csv(UNITS)
    reg = coopkit.Registry.from_records(RECORDS)
    new, report = reg.on_units(units, from_="2024-12-31", to="2026-01-01")
    assert len(new) == len(reg)
    assert {c.province for c in new} == {"QN"}
    assert report["districts_removed"] == 4
    assert [(u["id"], u["field"]) for u in report["unmapped"]] == [("e", "commune")]
    assert "chưa rõ" in report["unmapped"][0]["reason"]["vi"]
    before = {r["province"]: r["numerator"] for r in reg.indicators(ids="members", by="province", as_of="2024-12-31").to_dicts()}
    after = new.indicators(ids="members", by="province", as_of="2026-01-01").to_dicts()
    assert after[0]["numerator"] == before["51"] + before["KT"] == 51


def test_codes_not_valid_on_the_registry_date_are_located_errors(tmp_path: Any) -> None:
    units = coopkit.Units.from_csv(UNITS)
    bad = RECORDS + [coop("f", "51", "N1", 5, 2)]
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_records(bad, units=units, units_as_of="2024-10-16")
    assert e.value.path == "cooperatives[4].commune"
    assert "N1" not in str(e.value)
    lenient = coopkit.Registry.from_records(bad, lenient=True, units=units, units_as_of="2024-10-16")
    assert len(lenient) == 4 and [r["index"] for r in lenient.rejected] == [4]
    path = tmp_path / "reg.json"
    path.write_text(json.dumps({"cooperatives": bad}), encoding="utf-8")
    with pytest.raises(coopkit.InputError):
        coopkit.Registry.from_json(path, units=units, units_as_of="2024-10-16")
    # Without a unit table the codes are accepted as they are.
    assert len(coopkit.Registry.from_json(path)) == 5
    with pytest.raises(coopkit.ParameterError) as p:
        coopkit.Registry.from_json(path, units=units)
    assert p.value.path == "units_as_of"


def test_a_bad_unit_table_reports_every_problem() -> None:
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Units.from_csv("code,name,level,valid_to\nX1,Xã Một,village,\nX2,Xã Hai,commune,31/12/2024\n")
    assert [p.path for p in e.value.errors] == ["units.csv:2.level", "units.csv:3.valid_to"]
    assert "village" not in str(e.value) and "31/12" not in str(e.value)

"""The conformance cases of tests/conformance/ in Python: each case's input
and options give exactly its `expected` output, the one the Rust suite
(examples/tests/conformance.rs) holds the core to and the JavaScript suite
checks too. Cooperatives go in as dicts and registries through
`Registry.from_records`, as a notebook passes them."""

from __future__ import annotations

import json
from typing import Any

import pytest

import coopkit
from conftest import REPO

FOLDER = REPO / "tests" / "conformance"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(FOLDER.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
]


def test_the_folder_holds_its_cases() -> None:
    assert len(CASES) >= 30


def run(case: dict[str, Any]) -> Any:
    o = dict(case["options"])
    if case["call"] == "check":
        return json.loads(coopkit.check(case["input"], law=o.get("law", "auto"), as_of=o["as_of"]).to_json())
    if case["call"] == "classify":
        return json.loads(coopkit.classify(case["input"], as_of=o["as_of"]).to_json())
    if case["call"] in ("on_units", "read_units"):
        units = coopkit.Units.from_csv(case["units"])
        if case["call"] == "on_units":
            reg = coopkit.Registry.from_records(case["input"]["cooperatives"])
            moved, report = reg.on_units(units, from_=o["from"], to=o["to"])
            return {"cooperatives": json.loads(moved.to_json())["cooperatives"], **report}
        try:
            read = coopkit.Registry.from_json(json.dumps(case["input"]), units=units, units_as_of=o["as_of"])
        except coopkit.InputError as e:
            return {"errors": [[p.path, p.type] for p in e.errors]}
        return {"ok": read.ids()}
    assert case["call"] == "indicators"
    reg = coopkit.Registry.from_records(case["input"]["cooperatives"])
    ids = o.pop("ids", None)
    return json.loads(reg.indicators(ids, **o).to_json())


@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_expected_output(case: dict[str, Any]) -> None:
    assert run(case) == case["expected"]

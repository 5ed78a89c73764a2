"""The hostile-input catalogue of tests/bad_inputs/ in Python: each case's
input, given as a notebook gives it (text to `Registry.from_json`, a
folder to `Registry.from_csv`, dicts to `Registry.from_records`, keyword
options to `check` and `indicators`), has exactly the case's outcome: the
error class with every located error, or what is kept and rejected. The
Rust suite (examples/tests/bad_inputs.rs) and the JavaScript suite run the
same cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import coopkit
from conftest import REPO

FOLDER = REPO / "tests" / "bad_inputs"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(FOLDER.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    if "python" in case.get("runtimes", ["python"])
]
LIMITS = set(coopkit.LIMITS)


def test_the_folder_holds_its_cases() -> None:
    assert len(CASES) >= 60


def _file(v: str | dict[str, str]) -> bytes:
    return v.encode("utf-8") if isinstance(v, str) else bytes.fromhex(v["hex"])


def _read(case: dict[str, Any], tmp: Path) -> coopkit.Registry:
    options = dict(case.get("options", {}))
    assert set(options) <= LIMITS | {"lenient", "delimiter"}, options
    read, given = case["read"], case["input"]
    if read == "json":
        return coopkit.Registry.from_json(given, **options)
    if read == "csv":
        for name, content in given.items():
            (tmp / f"{name}.csv").write_bytes(_file(content))
        return coopkit.Registry.from_csv(tmp, **options)
    if read == "xlsx":
        return coopkit.Registry.from_excel(_file(given), **options)
    assert read == "records"
    return coopkit.Registry.from_records(given, **options)


def _call(case: dict[str, Any]) -> Any:
    o = dict(case["options"])
    if case["read"] == "check":
        return coopkit.check(case["input"], **o)
    assert case["read"] == "indicators"
    return coopkit.Registry.from_records(case["input"]["cooperatives"]).indicators(**o)


def outcome(case: dict[str, Any], tmp: Path) -> dict[str, Any]:
    try:
        if case["read"] in ("check", "indicators"):
            _call(case)
            return {"result": "ok"}
        reg = _read(case, tmp)
    except coopkit.InputError as e:
        return {"error": {"class": "InputError", "errors": [[p.path, p.type] for p in e.errors]}}
    except coopkit.ParameterError as e:
        return {"error": {"class": "ParameterError", "path": e.path}}
    except coopkit.CoopkitError as e:
        return {"error": {"class": "CoopkitError", "code": e.code}}
    rejected = [[r["index"], r["id"], [[e["path"], e["code"]] for e in r["errors"]]] for r in reg.rejected]
    return {"loaded": {"accepted": reg.ids(), "rejected": rejected}}


@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_outcome(case: dict[str, Any], tmp_path: Path) -> None:
    expected = {"error": case["error"]} if "error" in case else {"loaded": case["loaded"]}
    assert outcome(case, tmp_path) == expected
    # The next call still works.
    assert len(coopkit.Registry.from_records([{"id": "A", "name": "x", "kind": "cooperative", "sector": "agriculture"}])) == 1

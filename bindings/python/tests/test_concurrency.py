"""Results cross process boundaries and threads: everything pickles (so
multiprocessing can return it) and a registry queried from eight threads at
once gives the single-threaded answers."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import coopkit
from conftest import EXAMPLE_JSON

PARAMS = Path(__file__).resolve().parents[3] / "examples" / "params" / "interim-2024.toml"


def _roundtrip(obj: Any) -> Any:
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def test_every_object_pickles_to_an_equal_one() -> None:
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    back = _roundtrip(reg)
    assert isinstance(back, coopkit.Registry) and back.to_json() == reg.to_json()
    assert _roundtrip(reg[3]).to_dict() == reg[3].to_dict()
    table = coopkit.Parameters.from_toml(PARAMS.read_text(encoding="utf-8"))
    for report in (coopkit.check(reg[7], as_of="2024-10-16", parameters=table), reg.check(as_of="2020-01-01")[13]):
        report.lang = "vi"
        again = _roundtrip(report)
        assert again.to_dict() == report.to_dict() and again.lang == "vi"
        assert again.to_html() == report.to_html()
    c = coopkit.classify(reg[5], as_of="2024-10-16", parameters=table)
    assert _roundtrip(c).to_dict() == c.to_dict()
    assert len(_roundtrip(table)) == len(table) and len(_roundtrip(coopkit.Parameters.builtin())) > 0
    t = reg.indicators(by="province", as_of="2024-10-16")
    again_t = _roundtrip(t)
    assert again_t.to_dicts() == t.to_dicts() and again_t.types == t.types and again_t.to_json() == t.to_json()
    f = reg.findings(as_of="2024-10-16", lang="vi")
    assert _roundtrip(f).to_dicts() == f.to_dicts()


def test_a_lenient_registry_keeps_its_rejected_records() -> None:
    reg = coopkit.Registry.from_records(
        [{"id": "A", "name": "A", "kind": "cooperative", "sector": "agriculture"}, {"id": "B", "kind": "nope"}],
        lenient=True,
    )
    back = _roundtrip(reg)
    assert back.ids() == ["A"] and back.rejected == reg.rejected and back.rejected


def _check_one(coop: dict[str, Any]) -> coopkit.CheckReport:
    return coopkit.check(coop, as_of="2024-10-16")


def test_multiprocessing_returns_reports() -> None:
    records = [c.to_dict() for c in coopkit.Registry.from_json(EXAMPLE_JSON)][:4]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        reports = pool.map(_check_one, records)
    assert [r.to_dict() for r in reports] == [_check_one(c).to_dict() for c in records]


@pytest.mark.parametrize("threads", [8])
def test_eight_threads_get_the_single_threaded_answers(threads: int) -> None:
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    want = (
        reg.indicators(by="province", as_of="2024-10-16").to_dicts(),
        [r.to_dict() for r in reg.check(as_of="2024-10-16")],
        reg.findings(as_of="2024-10-16").to_dicts(),
    )

    def work(i: int) -> tuple[Any, Any, Any]:
        return (
            reg.indicators(by="province", as_of="2024-10-16").to_dicts(),
            [r.to_dict() for r in reg.check(as_of="2024-10-16")],
            reg.findings(as_of="2024-10-16").to_dicts(),
        )

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(work, range(4 * threads)))
    assert all(r == want for r in results)

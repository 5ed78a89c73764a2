"""Odd values in every field give a report or a located InputError: never a
panic, a crash or another exception."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import coopkit

from conftest import EXAMPLE_JSON

pytestmark = pytest.mark.skipif(not EXAMPLE_JSON.exists(), reason="example data not in this checkout")

ODD: list[Any] = [None, -1, 0, 10**20, "", "x", "2024-02-30", [], {}, True, 1.5, [1, "a"], {"a": None}]


def base() -> dict[str, Any]:
    coop: dict[str, Any] = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))["cooperatives"][1]
    return coop


def places(coop: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(container path..., key) for the cooperative's fields and those of its
    first member and first position."""
    out: list[tuple[Any, ...]] = [(k,) for k in coop]
    out += [("members", 0, k) for k in coop["members"][0]]
    out += [("positions", 0, k) for k in coop["positions"][0]]
    return out


def test_odd_values_everywhere() -> None:
    seen_errors = 0
    template = base()
    for place in places(template):
        for odd in ODD:
            coop = copy.deepcopy(template)
            target = coop
            for step in place[:-1]:
                target = target[step]
            target[place[-1]] = odd
            try:
                report = coopkit.check(coop, as_of="2024-10-16")
                assert report.cooperative == coop["id"] or not isinstance(coop.get("id"), str)
                coopkit.classify(coop, as_of="2024-10-16")
            except coopkit.InputError as e:
                seen_errors += 1
                assert e.errors and all(p.path for p in e.errors), (place, odd)
    assert seen_errors > 100

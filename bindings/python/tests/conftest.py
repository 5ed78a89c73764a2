"""Shared fixtures for the coopkit Python tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLE_JSON = REPO / "examples" / "data" / "quang-ngai-2024.json"

_COOP: dict[str, Any] = {
    "id": "HTX01",
    "name": "Hợp tác xã Nông nghiệp Tịnh Ấn Tây",
    "kind": "cooperative",
    "sector": "agriculture",
}


@pytest.fixture
def coop() -> dict[str, Any]:
    """A small cooperative in the interchange format."""
    return copy.deepcopy(_COOP)


@pytest.fixture
def records() -> list[dict[str, Any]]:
    """Three cooperatives of different kinds."""
    out = []
    for i, kind in enumerate(["cooperative", "cooperative_group", "union"]):
        c = copy.deepcopy(_COOP)
        c["id"] = f"C{i}"
        c["kind"] = kind
        out.append(c)
    return out

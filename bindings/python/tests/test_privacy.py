"""No personal data in any error: a recognisable name and birth date put in
every field, in every wrong position (where a code, a date, a number or a
key belongs), in JSON, records, CSV and data frames, never appears in an
error's text, path or repr."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

import coopkit
from conftest import EXAMPLE_JSON

SECRETS = ["Nguyễn Thị Bí Mật", "1987-06-05", "05/06/1987", "0912345678"]


def _base() -> dict[str, Any]:
    coop: dict[str, Any] = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))["cooperatives"][1]
    return coop


def _variants() -> Iterator[dict[str, Any]]:
    """The cooperative with one secret in one place: every field of the
    cooperative, its first member and first position, and a new key."""
    base = _base()
    for secret in SECRETS:
        for field in base:
            if field in ("members", "positions", "name"):
                continue
            c = copy.deepcopy(base)
            c[field] = secret
            yield c
        for group in ("members", "positions"):
            for field in list(base[group][0]) + ["sex", "ethnicity", "birth_date", "role"]:
                c = copy.deepcopy(base)
                c[group][0][field] = secret
                yield c
            c = copy.deepcopy(base)
            c[group][0][secret] = 1
            yield c
        c = copy.deepcopy(base)
        c[secret] = "x"
        yield c


def _texts(e: BaseException) -> str:
    parts = [str(e), repr(e)]
    for p in getattr(e, "errors", []) or []:
        parts += [str(p), repr(p), str(getattr(p, "path", "")), str(getattr(p, "msg", ""))]
    return "\n".join(parts)


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def test_no_error_quotes_personal_data_from_any_place(tmp_path: Path) -> None:
    checked = 0
    for coop in _variants():
        for attempt in (
            lambda: coopkit.check(coop, as_of="2024-10-16"),
            lambda: coopkit.Registry.from_json(json.dumps({"cooperatives": [coop]})),
        ):
            try:
                attempt()
            except coopkit.CoopkitError as e:
                # A secret used as an id is a valid id (not an error at all);
                # everywhere else it is an error that must not quote it.
                text = _texts(e)
                assert not _leaks(text), text[:2000]
                checked += 1
    assert checked > 200, checked


def test_lenient_rejections_and_csv_errors_quote_no_personal_data(tmp_path: Path) -> None:
    for coop in _variants():
        reg = coopkit.Registry.from_records([coop], lenient=True)
        assert not _leaks(json.dumps(reg.rejected, ensure_ascii=False, default=str))
    # A members.csv without its header row: the first row's cells (a name,
    # a birth date) stand where column names belong.
    folder = tmp_path / "csv"
    coopkit.Registry.from_json(EXAMPLE_JSON).to_csv(folder)
    lines = (folder / "members.csv").read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    first[4] = SECRETS[1]
    (folder / "members.csv").write_text("\n".join([",".join(first)] + lines[2:]) + "\n", encoding="utf-8")
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_csv(folder)
    assert not _leaks(_texts(e.value))
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"cooperative_id": ["QN02"], "id": ["m1"], "type": [SECRETS[0]], "birth_date": [SECRETS[2]]})
    coops = coopkit.Registry.from_json(EXAMPLE_JSON).to_frames()["cooperatives"].to_pandas()
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_frames(coops, frame)
    assert not _leaks(_texts(e.value))

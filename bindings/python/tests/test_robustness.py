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


def test_a_lone_surrogate_is_a_located_input_error() -> None:
    """A str Python holds but UTF-8 cannot (what a bad decode leaves) is an
    InputError at its place, in a value or a key; never UnicodeEncodeError."""
    coop = base()
    coop["members"][0]["id"] = "m\ud800"
    coop["members"][1]["x\udc00"] = 1
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2024-10-16")
    paths = [p.path for p in e.value.errors]
    assert "members[0].id" in paths and "members[1]" in paths
    assert all("\ud800" not in p.msg for p in e.value.errors)
    with pytest.raises(coopkit.ParameterError) as pe:
        coopkit.Registry.from_json("\ud800")
    assert pe.value.path == "source"


def test_text_and_paths_are_told_apart_and_only_regular_files_are_read(tmp_path: Any) -> None:
    """JSON-looking text is parsed, never opened as a path ("null" is a JSON
    error, not a missing file); a path is read only if it is a regular file
    within the byte limit, so /dev/zero is refused before a byte is read."""
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json("null")
    assert str(e.value).startswith("expected {") and "No such file" not in str(e.value)
    with pytest.raises(coopkit.InputError):
        coopkit.Registry.from_json("42")
    with pytest.raises(coopkit.CoopkitError) as io:
        coopkit.Registry.from_json("/dev/zero")
    assert io.value.code == "io" and "not a regular file" in str(io.value)
    with pytest.raises(coopkit.CoopkitError) as folder:
        coopkit.Registry.from_json(tmp_path)
    assert "not a regular file" in str(folder.value)
    with pytest.raises(coopkit.CoopkitError) as big:
        coopkit.Registry.from_json(EXAMPLE_JSON, max_bytes=1000)
    assert "more than the limit of 1000 bytes" in str(big.value) and "max_bytes" in str(big.value)
    with pytest.raises(coopkit.CoopkitError) as big_text:
        coopkit.Registry.from_json(EXAMPLE_JSON.read_text(encoding="utf-8"), max_bytes=1000)
    assert "limit of 1000 bytes" in str(big_text.value)
    coopkit.Registry.from_json(EXAMPLE_JSON).to_csv(tmp_path / "csv")
    (tmp_path / "csv" / "members.csv").unlink()
    (tmp_path / "csv" / "members.csv").symlink_to("/dev/zero")
    with pytest.raises(coopkit.CoopkitError) as dev:
        coopkit.Registry.from_csv(tmp_path / "csv")
    assert "members.csv" in str(dev.value) and "not a regular file" in str(dev.value)
    with pytest.raises(coopkit.CoopkitError) as small:
        coopkit.Registry.from_csv(tmp_path / "csv", max_bytes=100)
    assert "cooperatives.csv" in str(small.value) and "limit of 100 bytes" in str(small.value)


def _coop(i: int, members: int) -> dict[str, Any]:
    return {
        "id": f"c{i}",
        "name": "HTX",
        "kind": "cooperative",
        "sector": "agriculture",
        "members": [{"id": f"m{j}", "type": "individual", "sex": "female"} for j in range(members)],
    }


def test_every_reader_takes_the_core_limits_and_names_the_one_met(tmp_path: Any) -> None:
    assert coopkit.LIMITS == {
        "max_bytes": 4 << 30,
        "max_records": 1_000_000,
        "max_members": 1_000_000,
        "max_depth": 64,
        "max_errors": 10_000,
    }
    three = [_coop(i, 1) for i in range(3)]
    text = json.dumps({"cooperatives": three})
    coopkit.Registry.from_json(text).to_csv(tmp_path / "csv")
    import pyarrow as pa

    frames = coopkit.Registry.from_json(text).to_frames()
    for read in [
        lambda: coopkit.Registry.from_json(text, max_records=2),
        lambda: coopkit.Registry.from_json(text, max_records=2, lenient=True),
        lambda: coopkit.Registry.from_csv(tmp_path / "csv", max_records=2),
        lambda: coopkit.Registry.from_records(three, max_records=2),
        lambda: coopkit.Registry.from_frames(
            pa.table(frames["cooperatives"]), pa.table(frames["members"]), max_records=2
        ),
    ]:
        with pytest.raises(coopkit.InputError) as e:
            read()
        assert [p.type for p in e.value.errors] == ["too_large"]
        assert e.value.errors[0].path in ("cooperatives[2]", "cooperatives.csv:4")
        assert "max_records" in str(e.value)
    assert len(coopkit.Registry.from_json(text, max_records=3)) == 3

    big = json.dumps({"cooperatives": [_coop(0, 3)]})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(big, max_members=2)
    assert [(p.path, p.type) for p in e.value.errors] == [("cooperatives[0].members", "too_large")]
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_records(json.loads(big)["cooperatives"], max_members=2)
    assert e.value.errors[0].type == "too_large"

    deep = "[" * 100 + "]" * 100
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(deep)
    assert e.value.errors[0].type == "too_large" and "max_depth" in str(e.value)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(deep, max_depth=200)
    assert e.value.errors[0].type == "invalid_type"

    # Depth counts from the record, so one record meets the limit at one
    # depth in every form (a registry, JSON Lines, a lone object, dicts),
    # at the same path, its keys not shown and cut after eight steps.
    for depth, code in [(63, "unknown_field"), (64, "too_large")]:
        nested: Any = 1
        for _ in range(depth):
            nested = {"x": nested}
        record = dict(_coop(0, 0), extra=nested)
        seen = set()
        for read in [
            lambda: coopkit.Registry.from_records([record]),
            lambda: coopkit.Registry.from_json(json.dumps({"cooperatives": [record]})),
            lambda: coopkit.Registry.from_json(json.dumps(record)),
            lambda: coopkit.Registry.from_json(json.dumps(record) + "\n" + json.dumps(_coop(1, 0))),
        ]:
            with pytest.raises(coopkit.InputError) as e:
                read()
            seen.add((e.value.errors[0].path, e.value.errors[0].type))
        path = "cooperatives[0]." + ".".join(["<field not shown>"] * 8) + "…" if code == "too_large" else "cooperatives[0].<field not shown>"
        assert seen == {(path, code)}, depth

    bad = json.dumps({"cooperatives": [dict(_coop(i, 0), kind="nope") for i in range(30)]})
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(bad, max_errors=10)
    assert len(e.value.errors) == 11 and e.value.errors[-1].type == "too_large"
    assert "20 more errors" in e.value.errors[-1].message
    # A negative limit is refused by Python's int conversion, and the next call works.
    with pytest.raises(OverflowError):
        coopkit.Registry.from_json(text, max_records=-1)
    assert len(coopkit.Registry.from_json(text)) == 3


_UNDER_A_LIMIT = r"""
import json, resource, sys
import coopkit
coop = {"id": "A", "name": "x", "kind": "cooperative", "sector": "agriculture"}
text = json.dumps({"cooperatives": [dict(coop, id=f"c{i}") for i in range(1_000_000)]})
with open("/proc/self/status") as f:
    used = next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmSize:"))
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
# Room for a third of what reading the text needs.
resource.setrlimit(resource.RLIMIT_AS, (used + len(text), hard))
try:
    coopkit.Registry.from_json(text)
except MemoryError as e:
    print("MemoryError:", e)
resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
print(len(coopkit.Registry.from_json(text[:1000].rsplit("},", 1)[0] + "}]}")))
"""


def test_under_an_address_space_limit_a_read_raises_memory_error_not_aborts() -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _UNDER_A_LIMIT], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0].startswith("MemoryError: reading this input (") and "ulimit -v" in lines[0], lines
    assert int(lines[1]) > 0  # and the next read works once the limit is raised


def test_check_of_a_dict_with_ten_million_members_meets_the_limit() -> None:
    member = {"id": "m", "type": "individual"}
    coop = {"id": "A", "name": "x", "kind": "cooperative", "sector": "agriculture", "members": [member] * 10_000_000}
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2025-01-01")
    assert [(p.path, p.type) for p in e.value.errors] == [("members", "too_large")]
    assert "max_members" in str(e.value)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_records([coop])
    assert [(p.path, p.type) for p in e.value.errors] == [("cooperatives[0].members", "too_large")]


def test_ten_million_empty_members_meet_the_limit_not_memory() -> None:
    text = '{"cooperatives":[{"id":"a","name":"x","kind":"cooperative","sector":"agriculture","members":['
    text += ",".join(["{}"] * 10_000_000) + "]}]}"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(text)
    assert [(p.path, p.type) for p in e.value.errors] == [("cooperatives[0].members", "too_large")]


@pytest.mark.parametrize(
    "call, path",
    [
        (lambda r: coopkit.check(r[0], law=None), "law"),
        (lambda r: coopkit.check(r[0], law=2023), "law"),
        (lambda r: r.check(law=b"vn-2023"), "law"),
        (lambda r: r.findings(law=None), "law"),
        (lambda r: r.findings(lang=5), "lang"),
        (lambda r: r.indicators(women_managed_rule=None), "women_managed_rule"),
        (lambda r: r.progress(women_managed_rule=1), "women_managed_rule"),
        (lambda r: r.indicators(min_cell=-1), "min_cell"),
        (lambda r: r.indicators(min_cell=1.5), "min_cell"),
        (lambda r: r.indicators(min_cell=True), "min_cell"),
        (lambda r: r.indicators(min_cell=2**40), "min_cell"),
        (lambda r: coopkit.targets(lang="fr"), "lang"),
        (lambda r: coopkit.label("sector", "agriculture", lang=0), "lang"),
    ],
)
def test_options_of_the_wrong_type_are_the_librarys_parameter_error(call: Any, path: str) -> None:
    """Never a TypeError or OverflowError from the binding layer: the
    library's ParameterError, naming the option, and the next call works."""
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    with pytest.raises(coopkit.ParameterError) as e:
        call(reg)
    assert e.value.path == path and not isinstance(e.value, TypeError)
    assert len(reg.indicators(min_cell=0, as_of="2024-10-16")) > 0


def test_a_report_language_of_the_wrong_type_is_a_parameter_error() -> None:
    r = coopkit.check(base(), as_of="2024-10-16")
    for bad in (5, "fr"):
        with pytest.raises(coopkit.ParameterError) as e:
            r.lang = bad  # type: ignore[assignment]
        assert e.value.path == "lang"
    r.lang = None
    assert r.lang is None


def test_a_json_key_given_twice_is_an_error_not_last_wins() -> None:
    """A second "cooperatives" used to drop the whole list silently."""
    one = json.dumps({"cooperatives": [base()]})
    twice = one[:-1] + ', "cooperatives": []}'
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(twice)
    assert e.value.errors[0].type == "syntax" and "given twice" in e.value.errors[0].msg
    assert len(coopkit.Registry.from_json(one)) == 1


def test_an_empty_json_file_is_an_error_not_an_empty_registry(tmp_path: Any) -> None:
    empty = tmp_path / "registry.json"
    empty.write_bytes(b"")
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_json(empty)
    assert "an empty file" in str(e.value)
    lines = tmp_path / "registry.jsonl"
    lines.write_bytes(b"")
    assert len(coopkit.Registry.from_json(lines)) == 0

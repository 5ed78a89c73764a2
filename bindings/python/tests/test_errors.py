"""Errors: classes, paths, every problem at once, panics."""

from __future__ import annotations

import json
from typing import Any

import pytest

import coopkit
from coopkit import _coopkit


def test_class_hierarchy() -> None:
    assert issubclass(coopkit.CoopkitError, ValueError)
    assert issubclass(coopkit.InputError, coopkit.CoopkitError)
    assert issubclass(coopkit.ParameterError, coopkit.CoopkitError)
    assert issubclass(coopkit.MissingDependencyError, ImportError)


def test_values_with_no_json_form_are_all_reported(coop: dict[str, Any]) -> None:
    coop["members"] = [{"id": "m1", "x": object()}, {"id": "m2", "capital_vnd": 10**30}]
    coop["charter_capital_vnd"] = float("nan")
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2025-01-01")
    paths = [p.path for p in e.value.errors]
    # A key that is not a field of the contract may be personal: not shown.
    assert paths == ["members[0].<field not shown>", "members[1].capital_vnd", "charter_capital_vnd"]
    assert [p.code for p in e.value.errors] == ["invalid_type", "overflow", "invalid_type"]
    assert e.value.path == "members[0].<field not shown>" and e.value.code == "input"
    assert "members[1].capital_vnd" in str(e.value)


def test_decoder_errors_carry_paths(coop: dict[str, Any]) -> None:
    del coop["name"]
    coop["kind"] = "club"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2025-01-01")
    paths = {p.path for p in e.value.errors}
    assert {"name", "kind"} <= paths
    assert {p.code for p in e.value.errors if p.path == "kind"} == {"invalid_value"}


def test_errors_never_echo_the_name(coop: dict[str, Any]) -> None:
    coop["kind"] = "club"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop, as_of="2025-01-01")
    assert coop["name"] not in str(e.value)


def test_json_syntax_error_is_an_input_error() -> None:
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check("{not json", as_of="2025-01-01")
    assert e.value.errors[0].code == "syntax"


def test_dict_keys_must_be_strings(coop: dict[str, Any]) -> None:
    coop[1] = "x"  # type: ignore[index]
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop)
    assert e.value.errors[0].code == "invalid_type"


def test_problem_objects() -> None:
    p = coopkit.Problem("a.b", "missing_field", "required")
    assert str(p) == "a.b: required"
    err = coopkit.InputError("bad", [{"path": "x", "code": "invalid_date", "message": "m"}])
    assert err.path == "x" and err.errors == [coopkit.Problem("x", "invalid_date", "m")]


def test_a_rust_panic_arrives_as_coopkit_error() -> None:
    with pytest.raises(coopkit.CoopkitError) as e:
        _coopkit._panic_for_test()
    assert e.value.code == "internal"
    assert "deliberate panic" in str(e.value)
    # the interpreter is fine afterwards
    assert coopkit.get_language() in ("en", "vi")


def test_file_errors(tmp_path: Any) -> None:
    with pytest.raises(coopkit.CoopkitError) as e:
        coopkit.Registry.from_json(tmp_path / "missing.json")
    assert e.value.code == "io" and e.value.path is not None and "missing.json" in e.value.path
    assert not isinstance(e.value, coopkit.InputError)


def test_core_error_json_helper_rejects_bad_law() -> None:
    with pytest.raises(coopkit.ParameterError):
        _coopkit._core_check_json(json.dumps({}), "nope", "2025-01-01")


def test_errors_survive_pickling(coop: dict[str, Any]) -> None:
    import pickle

    coop["kind"] = "club"
    with pytest.raises(coopkit.InputError) as e:
        coopkit.check(coop)
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is coopkit.InputError and back.errors == e.value.errors and str(back) == str(e.value)
    p = pickle.loads(pickle.dumps(coopkit.ParameterError("m", "law")))
    assert type(p) is coopkit.ParameterError and p.path == "law"
    c = pickle.loads(pickle.dumps(coopkit.CoopkitError("m", "x", "io")))
    assert (c.path, c.code) == ("x", "io")

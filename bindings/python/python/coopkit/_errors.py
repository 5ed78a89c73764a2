"""The exception classes of coopkit.

Every error coopkit raises on bad input or bad arguments is a
:class:`CoopkitError`, itself a :class:`ValueError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["CoopkitError", "InputError", "ParameterError", "Problem"]


class CoopkitError(ValueError):
    """Base class of coopkit's errors (a ValueError).

    Attributes:
        path: where the (first) problem is, for example
            ``cooperatives[3].members[17].birth_date``, or the argument's name;
            None when there is no place to name.
        code: ``"input"``, ``"parameter"``, ``"io"`` (reading a file) or
            ``"internal"`` (a bug in coopkit, caught before it could crash
            Python).
    """

    path: str | None
    code: str

    def __init__(self, message: str, path: str | None = None, code: str = "error") -> None:
        super().__init__(message)
        self.path = path
        self.code = code

    def __reduce__(self) -> tuple[Any, ...]:
        # So that errors cross process boundaries (multiprocessing, pickle).
        return (type(self), (str(self), self.path, self.code))


@dataclass(frozen=True)
class Problem:
    """One located problem of an input: ``path``, ``code`` (for example
    ``"missing_field"``, ``"invalid_date"``) and ``message`` (which never
    repeats personal data)."""

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InputError(CoopkitError):
    """The input has one or more located problems.

    Attributes:
        path: the first problem's path.
        errors: every problem found, in the order met, as :class:`Problem`
            objects with ``path``, ``code`` and ``message``.
    """

    errors: list[Problem]

    def __init__(self, message: str, errors: list[dict[str, Any]] | list[Problem]) -> None:
        problems = [e if isinstance(e, Problem) else Problem(str(e["path"]), str(e["code"]), str(e["message"])) for e in errors]
        super().__init__(message, problems[0].path if problems else None, "input")
        self.errors = problems

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.errors))


class ParameterError(CoopkitError):
    """A parameter table, option or argument is invalid (``path`` names it)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message, path, "parameter")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.path))

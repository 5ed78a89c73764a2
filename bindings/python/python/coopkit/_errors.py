"""The exception classes of coopkit.

Every error coopkit raises on bad input or bad arguments is a
:class:`CoopkitError`, itself a :class:`ValueError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["CoopkitError", "InputError", "MissingFileError", "ParameterError", "Problem"]


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
    """One located problem of an input, as pydantic reports one.

    Attributes:
        loc: the path as steps, ``("members", 17, "birth_date")`` or
            ``("members.csv", 42, "birth_date")`` (a CSV line, the header
            being line 1).
        path: the same as text, ``members[17].birth_date``.
        type: the stable code, for example ``"missing_field"``,
            ``"invalid_date"`` (also as ``code``).
        msg: what is wrong, never repeating personal data (also as
            ``message``).
    """

    path: str
    code: str
    message: str
    loc: tuple[str | int, ...] = ()

    @property
    def type(self) -> str:
        """The stable code of the problem (pydantic's ``type``)."""
        return self.code

    @property
    def msg(self) -> str:
        """What is wrong (pydantic's ``msg``)."""
        return self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _problem(e: dict[str, Any] | Problem) -> Problem:
    if isinstance(e, Problem):
        return e
    loc = e.get("loc")
    return Problem(str(e["path"]), str(e["code"]), str(e["message"]), tuple(loc) if loc is not None else ())


class InputError(CoopkitError):
    """The input has one or more located problems.

    ``str(err)`` is short: one line per column and kind of problem (a problem
    repeated down a column is one line with its count and first rows), at
    most ten. Every problem is in :attr:`errors`.

    Attributes:
        path: the first problem's path.
        errors: every problem found, in the order met, as :class:`Problem`
            objects with ``loc``, ``path``, ``type`` and ``msg``.
    """

    errors: list[Problem]

    def __init__(self, message: str, errors: list[dict[str, Any]] | list[Problem]) -> None:
        problems = [_problem(e) for e in errors]
        super().__init__(message, problems[0].path if problems else None, "input")
        self.errors = problems

    def error_count(self) -> int:
        """How many problems were found (pydantic's ``error_count()``)."""
        return len(self.errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.errors))


class MissingFileError(CoopkitError, FileNotFoundError):
    """A file to read does not exist: both a :class:`CoopkitError` and a
    :class:`FileNotFoundError` (``path`` names the file; code ``"io"``)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        CoopkitError.__init__(self, message, path, "io")
        self.filename = path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.path))


class ParameterError(CoopkitError):
    """A parameter table, option or argument is invalid (``path`` names it)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message, path, "parameter")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.path))

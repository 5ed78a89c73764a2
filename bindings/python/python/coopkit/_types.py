"""The type aliases of coopkit's signatures, importable at run time
(``from coopkit import Lang, Status``) as well as by type checkers."""

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Required, TypeAlias, TypedDict

if TYPE_CHECKING:
    from ._coopkit import Cooperative, Parameters

__all__ = [
    "Comparison",
    "CoopLike",
    "DateLike",
    "Lang",
    "LawName",
    "ParameterUse",
    "ParametersLike",
    "Status",
    "WomenManagedRule",
]

LawName: TypeAlias = Literal["auto", "vn-2012", "vn-2023"]
"""A law to check against: ``"auto"`` (the one in force on the date) or a law."""
Lang: TypeAlias = Literal["en", "vi"]
"""A language of labels and messages."""
DateLike: TypeAlias = "datetime.date | str | None"
"""A date: a ``datetime.date`` (or datetime on its day), an ISO string,
a ``numpy.datetime64`` on a whole day, or None for today."""
CoopLike: TypeAlias = "Mapping[str, Any] | str | Cooperative"
"""One cooperative: a dict in the interchange format, its JSON text, or a
:class:`Cooperative`."""
ParametersLike: TypeAlias = "Parameters | str | None"
"""A parameter table: :class:`Parameters`, TOML text, or None (built in)."""
Status: TypeAlias = Literal["pass", "fail", "not_assessable", "not_applicable"]
"""A finding's status."""
Comparison: TypeAlias = Literal["at_least", "at_most", "within", "one_of", "all_of", "equal"]
"""How a finding's measured value must stand to its required value."""
WomenManagedRule: TypeAlias = Literal["chair_or_director", "management_majority", "women_owned", "declared"]
"""One of the four rules that say whether a cooperative is women-managed."""


class ParameterUse(TypedDict, total=False):
    """A parameter a finding rests on ("note" only when the table has one)."""

    id: Required[str]
    confirmed: Required[bool]
    note: str
    note_vi: str

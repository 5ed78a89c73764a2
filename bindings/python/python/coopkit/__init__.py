"""coopkit: cooperatives managed by women.

Check a cooperative's membership, capital and governance against Vietnam's
cooperative law in force on a date (Law 23/2012/QH13, Law 17/2023/QH15),
classify it (Decree 113/2024, ILO types, four women-managed rules) and
compute indicators over a registry.

>>> import coopkit
>>> report = coopkit.check({"id": "HTX01", ...}, law="auto", as_of="2024-10-16")
>>> report.ok, report.findings[0].citation

Every finding carries its citation and a message in English and Vietnamese
(``coopkit.set_language("vi")``). Errors are :class:`CoopkitError` (a
ValueError); input errors carry ``.path`` and ``.errors``.
"""

from ._errors import CoopkitError, InputError, MissingFileError, ParameterError, Problem
from ._table import IndicatorTable, MissingDependencyError, Table
from ._types import (
    Comparison,
    CoopLike,
    DateLike,
    Lang,
    LawName,
    ParameterUse,
    ParametersLike,
    Status,
    WomenManagedRule,
)
from ._coopkit import (
    LIMITS,
    CheckReport,
    Classification,
    Cooperative,
    Finding,
    Parameters,
    Registry,
    Report,
    Units,
    __version__,
    check,
    classify,
    format_number,
    get_language,
    indicator_label,
    label,
    set_language,
    targets,
)

__all__ = [
    "LIMITS",
    "CheckReport",
    "Comparison",
    "CoopLike",
    "DateLike",
    "Lang",
    "LawName",
    "MissingFileError",
    "ParameterUse",
    "ParametersLike",
    "Status",
    "Table",
    "WomenManagedRule",
    "Classification",
    "Cooperative",
    "CoopkitError",
    "Finding",
    "IndicatorTable",
    "InputError",
    "MissingDependencyError",
    "ParameterError",
    "Parameters",
    "Problem",
    "Registry",
    "Report",
    "Units",
    "__version__",
    "check",
    "classify",
    "format_number",
    "get_language",
    "indicator_label",
    "label",
    "set_language",
    "targets",
]

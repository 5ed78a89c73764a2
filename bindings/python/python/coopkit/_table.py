"""Indicator tables: column-oriented results with conversions to pandas,
polars and pyarrow, each imported only when asked for."""

from __future__ import annotations

import csv
import importlib
import os
from types import ModuleType
from typing import Any, Iterator, Mapping, Sequence

from . import _html

__all__ = ["IndicatorTable", "MissingDependencyError"]


class MissingDependencyError(ImportError):
    """An optional package (pandas, polars or pyarrow) is not installed; the
    message names it and the pip command that installs it."""


def _require(module: str, package: str, method: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingDependencyError(
            f"{method} needs the optional package {package!r}, which is not installed: pip install {package}"
        ) from e


def _label(indicator_label: Any, indicator: Any, lang: str) -> str:
    """The label of a known indicator id, else ""."""
    try:
        return str(indicator_label(str(indicator), lang))
    except Exception:
        return ""


class IndicatorTable:
    """Indicator results, one row per group and indicator, held as columns.

    Columns: the grouping keys asked for (``by``), then ``indicator``,
    ``numerator``, ``denominator`` and ``value`` (and any further columns the
    core gives). Convert with :meth:`to_dicts`, :meth:`to_pandas`,
    :meth:`to_polars` or :meth:`to_arrow`; in Jupyter the table shows as HTML.
    """

    __slots__ = ("_columns", "_len", "_as_of", "_rule", "_core")

    def __init__(
        self,
        columns: Mapping[str, Sequence[Any]],
        *,
        as_of: Any = None,
        women_managed_rule: str | None = None,
        core: Any = None,
    ) -> None:
        cols = {str(k): list(v) for k, v in columns.items()}
        lengths = {len(v) for v in cols.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self._columns: dict[str, list[Any]] = cols
        self._len: int = lengths.pop() if lengths else 0
        self._as_of = as_of
        self._rule = women_managed_rule
        self._core = core  # the core's table (coopkit._coopkit.CoreTable), for to_json()

    @property
    def as_of(self) -> Any:
        """The date the indicators are for (None when not recorded)."""
        return self._as_of

    @property
    def women_managed_rule(self) -> str | None:
        """The women-managed rule the table used (None when not recorded)."""
        return self._rule

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._columns)

    def column(self, name: str) -> list[Any]:
        """One column's values (a copy)."""
        return list(self._columns[name])

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[dict[str, Any]]:
        names = list(self._columns)
        cols = [self._columns[n] for n in names]
        for i in range(self._len):
            yield {n: c[i] for n, c in zip(names, cols)}

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts."""
        return list(self)

    def to_columns(self) -> dict[str, list[Any]]:
        """The columns as a dict of lists (copies)."""
        return {k: list(v) for k, v in self._columns.items()}

    def to_json(self) -> str:
        """The table in the core's JSON form ({"as_of", "women_managed_rule",
        "by", ..., "rows": [...]}), when it came from the core."""
        if self._core is None:
            raise ValueError("this table was not computed by coopkit, so it has no core JSON form")
        text: str = self._core.to_json()
        return text

    def to_arrow(self) -> Any:
        """The table as a ``pyarrow.Table`` (needs pyarrow)."""
        pa = _require("pyarrow", "pyarrow", "IndicatorTable.to_arrow()")
        return pa.table(self._columns)

    def to_polars(self) -> Any:
        """The table as a ``polars.DataFrame`` (needs polars)."""
        pl = _require("polars", "polars", "IndicatorTable.to_polars()")
        return pl.DataFrame(self._columns, strict=False)

    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame`` (needs pandas)."""
        pd = _require("pandas", "pandas", "IndicatorTable.to_pandas()")
        return pd.DataFrame(self._columns)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Writes the table to a CSV file (UTF-8, header row; no extra package)."""
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(self._columns)
            for row in self:
                w.writerow(["" if v is None else v for v in row.values()])

    def to_html(self, lang: str | None = None) -> str:
        """An HTML table (the first 50 rows), with reasons in `lang` ("en" or
        "vi"; default: ``coopkit.get_language()``)."""
        from ._coopkit import get_language

        lang = lang or get_language()
        drop = "reason" if lang == "vi" else "reason_vi"
        from ._coopkit import indicator_label

        shown: dict[str, list[Any]] = {}
        for k, v in self._columns.items():
            if k == drop:
                continue
            shown[k] = v
            if k == "indicator":
                # The label next to the id, in the chosen language.
                shown["label"] = [_label(indicator_label, x, lang) for x in v]
        return _html.columns_table(shown, lang=lang)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"<IndicatorTable {self._len} rows × {len(self._columns)} columns: {', '.join(self._columns)}>"

"""Indicator tables: column-oriented results with conversions to pandas,
polars and pyarrow, each imported only when asked for."""

from __future__ import annotations

import csv
import importlib
import os
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from . import _html

if TYPE_CHECKING:  # optional packages: imported only when a conversion is asked for
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import polars
    import pyarrow  # type: ignore[import-untyped, unused-ignore]

__all__ = ["IndicatorTable", "MissingDependencyError", "Table"]


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


# What makes a spreadsheet read a CSV cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Table:
    """A result table held as typed columns: findings, classifications and
    (as :class:`IndicatorTable`) indicators.

    Each column has a kind from the core (``text``, ``code``, ``count``,
    ``number``, ``flag``, ``truth``, ``date``), so every conversion keeps its
    type: counts are nullable integers (``Int64`` in pandas and polars),
    text is text even when a column is empty, yes/no/unknown is a nullable
    boolean. ``pa.table(t)`` and ``pl.DataFrame(t)`` work through the Arrow
    PyCapsule interface (``__arrow_c_stream__``). ``t[i]`` is row ``i`` as a
    dict, ``t["name"]`` a column.
    """

    __slots__ = ("_columns", "_len", "_types")

    def __init__(self, columns: Mapping[str, Sequence[Any]], *, types: Mapping[str, str] | None = None) -> None:
        cols = {str(k): list(v) for k, v in columns.items()}
        lengths = {len(v) for v in cols.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self._columns: dict[str, list[Any]] = cols
        self._len: int = lengths.pop() if lengths else 0
        self._types: dict[str, str] = dict(types or {})

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._columns)

    @property
    def types(self) -> dict[str, str]:
        """Each column's kind (text, code, count, number, flag, truth or
        date), for the columns the core typed."""
        return {k: self._types[k] for k in self._columns if k in self._types}

    def column(self, name: str) -> list[Any]:
        """One column's values (a copy)."""
        return list(self._columns[name])

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self.column(key)
        i = key + self._len if key < 0 else key
        if not 0 <= i < self._len:
            raise IndexError(f"row {key} out of range for {self._len} rows")
        return self._row(i)

    def _row(self, i: int) -> dict[str, Any]:
        return {n: c[i] for n, c in self._columns.items()}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in range(self._len):
            yield self._row(i)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as a list of dicts."""
        return list(self)

    def to_columns(self) -> dict[str, list[Any]]:
        """The columns as a dict of lists (copies)."""
        return {k: list(v) for k, v in self._columns.items()}

    def to_arrow(self) -> pyarrow.Table:
        """The table as a ``pyarrow.Table`` with each column's type (needs pyarrow)."""
        pa = _require("pyarrow", "pyarrow", f"{type(self).__name__}.to_arrow()")
        arrow = {
            "text": pa.string(),
            "code": pa.string(),
            "count": pa.int64(),
            "number": pa.float64(),
            "flag": pa.bool_(),
            "truth": pa.bool_(),
            "date": pa.date32(),
        }
        # A column without a kind (a table built by hand) is inferred.
        arrays = [pa.array(v, type=arrow.get(self._types.get(k, ""))) for k, v in self._columns.items()]
        return pa.table(arrays, names=list(self._columns))

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The Arrow PyCapsule interface: ``pa.table(t)``, ``pl.DataFrame(t)``."""
        return self.to_arrow().__arrow_c_stream__(requested_schema)

    def to_polars(self) -> polars.DataFrame:
        """The table as a ``polars.DataFrame`` with each column's type (needs polars)."""
        pl = _require("polars", "polars", f"{type(self).__name__}.to_polars()")
        kinds = {
            "text": pl.String,
            "code": pl.String,
            "count": pl.Int64,
            "number": pl.Float64,
            "flag": pl.Boolean,
            "truth": pl.Boolean,
            "date": pl.Date,
        }
        schema = {k: kinds.get(self._types.get(k, "")) for k in self._columns}
        return pl.DataFrame(self._columns, schema=schema, strict=False)

    def to_pandas(self) -> pandas.DataFrame:
        """The table as a ``pandas.DataFrame`` (needs pandas): counts as
        ``Int64``, text as ``string``, yes/no/unknown as ``boolean``."""
        pd = _require("pandas", "pandas", f"{type(self).__name__}.to_pandas()")
        dtypes = {"text": "string", "code": "string", "count": "Int64", "flag": "bool", "truth": "boolean"}
        data: dict[str, Any] = {}
        for k, v in self._columns.items():
            kind = self._types.get(k, "")
            if kind == "number":
                data[k] = pd.array([float("nan") if x is None else x for x in v], dtype="float64")
            elif kind in dtypes:
                data[k] = pd.array(v, dtype=dtypes[kind])
            else:
                data[k] = v
        return pd.DataFrame(data)

    def to_csv(self, path: str | os.PathLike[str], *, escape_formulas: bool = True, bom: bool = False) -> None:
        """Writes the table to a CSV file (UTF-8, header row; no extra package);
        with ``bom`` the file starts with a UTF-8 byte-order mark, so Excel on
        Windows shows the Vietnamese letters.

        A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
        ``@`` as a formula (CSV injection): with ``escape_formulas`` (the
        default) such a text cell is written with a leading apostrophe, which
        spreadsheets show as text; numbers are written as they are."""
        def cell(v: Any) -> Any:
            if v is None:
                return ""
            if escape_formulas and isinstance(v, str) and v[:1] in _FORMULA_START:
                return "'" + v
            return v

        with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
            w = csv.writer(f)
            w.writerow([cell(c) for c in self._columns])
            for row in self:
                w.writerow([cell(v) for v in row.values()])

    def to_excel(self, path: str | os.PathLike[str], *, lang: str | None = None, sheet: str | None = None) -> None:
        """Writes the table to an Excel workbook (no extra package): headings,
        codes and yes/no in `lang` (default: the language set), numbers as
        numbers formatted by their unit (a percentage as a percentage),
        dates as dates shown day first, the header row frozen. A cell is
        never a formula."""
        from ._coopkit import _write_xlsx, get_language

        lang = lang or get_language()
        names = list(self._columns)
        header = [_html._heading(c, lang) for c in names]
        rows = [
            [_html.shown_value(c, self._types.get(c, ""), self._columns[c][i], lang) for c in names]
            for i in range(self._len)
        ]
        units = self._columns.get("unit")
        unit_list = [u if isinstance(u, str) else None for u in units] if units is not None else None
        data = _write_xlsx([(sheet or type(self).__name__, header, rows, unit_list)])
        with open(path, "wb") as f:
            f.write(data)

    def to_html(self, lang: str | None = None) -> str:
        """An HTML table (the first 50 rows)."""
        from ._coopkit import get_language

        return _html.columns_table(self._columns, lang=lang or get_language(), types=self._types)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._len} rows × {len(self._columns)} columns: {', '.join(self._columns)}>"


class IndicatorTable(Table):
    """Indicator results, one row per group and indicator, held as columns.

    Columns: the grouping keys asked for (``by``), then ``indicator``,
    ``numerator``, ``denominator`` and ``value`` (and any further columns the
    core gives). Convert with :meth:`to_dicts`, :meth:`to_pandas`,
    :meth:`to_polars` or :meth:`to_arrow`; in Jupyter the table shows as HTML.
    """

    __slots__ = ("_as_of", "_rule", "_core")

    def __init__(
        self,
        columns: Mapping[str, Sequence[Any]],
        *,
        as_of: Any = None,
        women_managed_rule: str | None = None,
        core: Any = None,
        types: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(columns, types=types)
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

    def to_json(self) -> str:
        """The table in the core's JSON form ({"as_of", "women_managed_rule",
        "by", ..., "rows": [...]}), when it came from the core."""
        if self._core is None:
            raise ValueError("this table was not computed by coopkit, so it has no core JSON form")
        if isinstance(self._core, str):  # unpickled: the JSON itself
            return self._core
        text: str = self._core.to_json()
        return text

    def __getstate__(self) -> dict[str, Any]:
        # The core's table travels as its JSON form, so the table pickles
        # (multiprocessing) and to_json() still answers after unpickling.
        core = self._core if self._core is None or isinstance(self._core, str) else self._core.to_json()
        return {"columns": self._columns, "len": self._len, "types": self._types,
                "as_of": self._as_of, "rule": self._rule, "core": core}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._columns = state["columns"]
        self._len = state["len"]
        self._types = state["types"]
        self._as_of = state["as_of"]
        self._rule = state["rule"]
        self._core = state["core"]

    def to_html(self, lang: str | None = None) -> str:
        """An HTML table (the first 50 rows) in `lang` ("en" or "vi"; default:
        ``coopkit.get_language()``): headings, indicators and codes by their
        labels (the id in each cell's title), reasons in that language,
        values with their unit as that language writes them (``36,6 %``)."""
        from ._coopkit import get_language

        lang = lang or get_language()
        drop = "reason" if lang == "vi" else "reason_vi"
        shown = {k: v for k, v in self._columns.items() if k != drop}
        return _html.columns_table(shown, lang=lang, types=self._types)

    def to_pandas(self, *, wide: bool = False, lang: str | None = None) -> pandas.DataFrame:
        """The table as a ``pandas.DataFrame`` (needs pandas). With
        ``wide=True``: one row per group (and disaggregation category), one
        column per indicator, headed by its label in `lang` (default
        ``coopkit.get_language()``), holding its value."""
        frame = super().to_pandas()
        if not wide:
            return frame
        from ._coopkit import get_language, indicator_label

        lang = lang or get_language()
        names = list(self._columns)
        keys = names[: names.index("indicator")]
        keys = [k for k in keys if frame[k].notna().any()]
        order = list(dict.fromkeys(self._columns["indicator"]))
        frame = frame.assign(indicator=[_label(indicator_label, x, lang) or x for x in self._columns["indicator"]])
        labels = [_label(indicator_label, x, lang) or x for x in order]
        if keys:
            wide_frame = frame.pivot(index=keys, columns="indicator", values="value")
        else:
            wide_frame = frame.set_index("indicator")[["value"]].T.reset_index(drop=True)
        wide_frame = wide_frame[labels]
        wide_frame.columns.name = None
        return wide_frame

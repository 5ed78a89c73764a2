"""Type stubs for coopkit._coopkit, the compiled part of coopkit."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypedDict, final, overload

from ._table import IndicatorTable, Table
from ._types import (
    Comparison,
    CoopLike,
    DateLike,
    Lang,
    LawName,
    ParametersLike,
    ParameterUse,
    Status,
    WomenManagedRule,
)

__version__: str
LIMITS: dict[str, int]
"""The readers' limits (``max_bytes``, ``max_records``, ``max_members``, ``max_depth``, ``max_errors``) and their defaults."""
__all__ = [
    "LIMITS",
    "CheckReport",
    "Classification",
    "Cooperative",
    "Finding",
    "Parameters",
    "Registry",
    "Report",
    "RegistryIter",
    "Units",
    "__version__",
    "_bench_core_check",
    "_bench_core_indicators",
    "_check_report_from_state",
    "_citation_vi",
    "_classification_from_state",
    "_core_check_json",
    "_core_classify_json",
    "_cooperative_from_state",
    "_format_date",
    "_panic_for_test",
    "_registry_from_state",
    "_vocabulary",
    "_excel_names",
    "_write_xlsx",
    "check",
    "classify",
    "get_language",
    "format_number",
    "indicator_label",
    "label",
    "set_language",
    "targets",
]


def check(
    coop: CoopLike,
    *,
    law: LawName = "auto",
    as_of: DateLike = None,
    parameters: ParametersLike = None,
) -> CheckReport:
    """Checks one cooperative against the law in force on `as_of`."""

def targets(*, lang: Lang | None = None) -> Table:
    """The programme's 2025 and 2030 targets (Decision 01/QD-TTg of 2023) and
    Resolution 28's, one row each, text in `lang`."""

def classify(coop: CoopLike, *, as_of: DateLike = None, parameters: ParametersLike = None) -> Classification:
    """Classifies one cooperative on `as_of`."""

def set_language(lang: Lang) -> None:
    """Sets the default language of messages: "en" or "vi"."""

def get_language() -> Lang:
    """The default language of messages."""

def format_number(value: float, unit: Literal["count", "percent", "ratio"] = "count", lang: Lang | None = None) -> str:
    """A number as `lang` writes it: `1.778`, `36,6 %` in Vietnamese; `1,778`, `36.6 %` in English."""

def label(list: str, code: str, lang: Lang | None = None) -> str:
    """The label of `code` in the core's code list `list` ("sector", "indicator", "term", ...) in `lang`."""

def indicator_label(indicator: str, lang: Lang | None = None) -> str:
    """An indicator's label in `lang` ("en" or "vi"; default: ``get_language()``)."""

@final
class Cooperative:
    """One cooperative, group or union, as read by the core."""

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Cooperative: ...
    @staticmethod
    def from_json(text: str) -> Cooperative: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> Literal["cooperative", "cooperative_group", "union"]: ...
    @property
    def sector(self) -> Literal["agriculture", "industry_construction", "trade_services"]: ...
    @property
    def province(self) -> str | None: ...
    @property
    def member_count(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...



@final
class Finding:
    """The result of one rule for one subject."""

    @property
    def rule(self) -> str: ...
    @property
    def law(self) -> Literal["vn-2012", "vn-2023"]: ...
    @property
    def status(self) -> Status: ...
    @property
    def citation(self) -> str: ...
    @property
    def citation_vi(self) -> str: ...
    @property
    def measured(self) -> Any: ...
    @property
    def required(self) -> Any: ...
    @property
    def comparison(self) -> Comparison | None: ...
    @property
    def parameters(self) -> list[ParameterUse]: ...
    @property
    def subject(self) -> str: ...
    @property
    def message(self) -> dict[Lang, str]: ...
    def text(self, lang: Lang | None = None) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CheckReport:
    """All findings for one cooperative under one law on one date."""

    lang: Lang | None
    @property
    def ok(self) -> bool: ...
    @property
    def cooperative(self) -> str: ...
    @property
    def law(self) -> Literal["vn-2012", "vn-2023"]: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def law_in_force(self) -> bool: ...
    @property
    def established_on_as_of(self) -> bool: ...
    @property
    def dissolved_on_as_of(self) -> bool: ...
    @property
    def findings(self) -> list[Finding]: ...
    def failures(self) -> list[Finding]: ...
    def counts(self) -> dict[Status, int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_html(self, lang: Lang | None = None) -> str: ...
    def _repr_html_(self) -> str: ...


@final
class Classification:
    """Size class, ILO type, minority membership and women-managed status."""

    @property
    def cooperative(self) -> str: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def size_class(self) -> Literal["micro", "small", "medium", "large"] | None: ...
    @property
    def size_status(
        self,
    ) -> Literal[
        "determined",
        "not_applicable",
        "threshold_not_encoded",
        "data_missing",
        "before_any_instrument",
        "no_parameter_in_force",
    ]: ...
    @property
    def ilo_type(self) -> Literal["producer", "consumer", "worker", "multi_stakeholder"] | None: ...
    @property
    def has_minority_member(self) -> bool | None: ...
    @property
    def women_managed(self) -> dict[WomenManagedRule, bool | None]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_html(self, lang: Lang | None = None) -> str: ...
    def _repr_html_(self) -> str: ...

@final
class Parameters:
    """A table of dated legal parameters laid over the built-in one."""

    @staticmethod
    def from_toml(text: str) -> Parameters: ...
    @staticmethod
    def builtin() -> Parameters: ...
    def to_list(self) -> list[dict[str, Any]]: ...
    def __len__(self) -> int: ...

@final
class Units:
    """Administrative units with dates (code, Vietnamese name, level, kind,
    parent, valid from and to, successors), laid over the built-in ones."""

    @staticmethod
    def from_csv(source: str | os.PathLike[str]) -> Units: ...
    @staticmethod
    def builtin() -> Units: ...
    def name(self, level: Literal["province", "district", "commune"], code: str, as_of: DateLike = None) -> str | None: ...
    def to_list(self) -> list[dict[str, Any]]: ...
    def __len__(self) -> int: ...

class _Unmapped(TypedDict):
    """A location code `Registry.on_units` could not put onto the new units."""

    index: int
    id: str
    field: Literal["province", "district", "commune"]
    reason: dict[str, str]

class _RegistryFrames(TypedDict):
    """`Registry.to_frames()`: the three tables of the CSV folder form."""

    cooperatives: Table
    members: Table
    positions: Table

class _RemapReport(TypedDict):
    unmapped: list[_Unmapped]
    changed: int
    districts_removed: int

@final
class Registry:
    """Many cooperatives with unique ids, in input order."""

    @staticmethod
    def from_json(
        source: str | os.PathLike[str],
        *,
        lenient: bool = False,
        units: Units | None = None,
        units_as_of: DateLike = None,
        max_bytes: int | None = None,
        max_records: int | None = None,
        max_members: int | None = None,
        max_depth: int | None = None,
        max_errors: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_csv(
        folder: str | os.PathLike[str],
        *,
        lenient: bool = False,
        units: Units | None = None,
        units_as_of: DateLike = None,
        delimiter: str | None = None,
        max_bytes: int | None = None,
        max_records: int | None = None,
        max_members: int | None = None,
        max_errors: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_excel(
        source: str | os.PathLike[str] | bytes,
        *,
        lenient: bool = False,
        units: Units | None = None,
        units_as_of: DateLike = None,
        headers: Mapping[str, Mapping[str, str | Sequence[str]]] | None = None,
        max_bytes: int | None = None,
        max_records: int | None = None,
        max_members: int | None = None,
        max_errors: int | None = None,
    ) -> Registry:
        """An Excel workbook (.xlsx), English or Vietnamese headers; problems at `Sheet!E18.field`."""
    @staticmethod
    def from_records(
        records: Iterable[Mapping[str, Any]],
        *,
        lenient: bool = False,
        units: Units | None = None,
        units_as_of: DateLike = None,
        max_records: int | None = None,
        max_members: int | None = None,
        max_errors: int | None = None,
    ) -> Registry: ...
    def on_units(self, units: Units, *, from_: datetime.date | str, to: datetime.date | str) -> tuple[Registry, _RemapReport]: ...
    @staticmethod
    def from_frames(
        cooperatives: Any,
        members: Any = None,
        positions: Any = None,
        *,
        lenient: bool = False,
        max_records: int | None = None,
        max_members: int | None = None,
        max_errors: int | None = None,
    ) -> Registry: ...
    @property
    def rejected(self) -> list[dict[str, Any]]: ...
    def ids(self) -> list[str]: ...
    def to_json(self) -> str: ...
    def to_csv(self, folder: str | os.PathLike[str], *, bom: bool = False) -> None:
        """The CSV folder form; `bom=True` starts each file with a UTF-8 byte-order mark, for Excel on Windows."""
    def to_frames(self) -> _RegistryFrames:
        """The cooperatives, members and positions tables (the CSV folder form, typed)."""
    def filter(
        self,
        *,
        ids: str | Sequence[str] | None = None,
        province: str | Sequence[str] | None = None,
        district: str | Sequence[str] | None = None,
        commune: str | Sequence[str] | None = None,
        sector: str | Sequence[str] | None = None,
        kind: str | Sequence[str] | None = None,
    ) -> Registry: ...
    def check(self, *, law: LawName = "auto", as_of: DateLike = None, parameters: ParametersLike = None) -> list[CheckReport]: ...
    def findings(
        self, *, law: LawName = "auto", as_of: DateLike = None, parameters: ParametersLike = None, lang: Lang | None = None
    ) -> Table: ...
    def classify(self, *, as_of: DateLike = None, parameters: ParametersLike = None, lang: Lang | None = None) -> Table: ...
    def indicators(
        self,
        ids: str | Sequence[str] | None = None,
        *,
        by: str | Sequence[str] | None = None,
        as_of: DateLike | list[datetime.date | str] | tuple[datetime.date | str, ...] = None,
        women_managed_rule: WomenManagedRule = "chair_or_director",
        disaggregate: Literal["sex", "ethnic_group", "kinh_vs_minority", "member_kind", "age_band"] | None = None,
        totals: bool = False,
        min_cell: int | None = None,
        parameters: ParametersLike = None,
        years: tuple[int, int] | None = None,
        units: Units | None = None,
    ) -> IndicatorTable: ...
    def progress(
        self,
        *,
        as_of: DateLike = None,
        women_managed_rule: WomenManagedRule = "chair_or_director",
        baselines: Mapping[str, Mapping[str, Any]] | None = None,
        lang: Lang | None = None,
    ) -> Table: ...
    def report(
        self,
        *,
        as_of: DateLike = None,
        lang: Lang = "vi",
        law: LawName = "auto",
        women_managed_rule: WomenManagedRule = "chair_or_director",
        parameters: ParametersLike = None,
        units: Units | None = None,
        title: str | None = None,
        source: str | None = None,
    ) -> Report: ...
    def __len__(self) -> int: ...
    def __getitem__(self, key: int | str, /) -> Cooperative: ...
    def __contains__(self, id: object, /) -> bool: ...
    def __iter__(self) -> Iterator[Cooperative]: ...

@final
class Report:
    """The province report, kept as data; rendered as text, HTML or a workbook."""

    @property
    def title(self) -> str: ...
    @property
    def lang(self) -> Lang: ...
    def to_text(self, width: int = 96) -> str: ...
    def to_html(self, path: str | os.PathLike[str] | None = None) -> str: ...
    def _repr_html_(self) -> str: ...
    @overload
    def to_excel(self, path: str | os.PathLike[str]) -> None: ...
    @overload
    def to_excel(self, path: None = None) -> bytes: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...



@final
class RegistryIter:
    """Iterator over a registry's cooperatives."""

    def __iter__(self) -> RegistryIter: ...
    def __next__(self) -> Cooperative: ...

def _vocabulary(lang: str) -> dict[str, dict[str, str]]: ...
def _excel_names() -> dict[str, dict[str, Any]]: ...
def _write_xlsx(
    sheets: list[tuple[str, list[str], list[list[Any]], list[str | None] | None]],
) -> bytes: ...
def _format_date(value: Any, lang: str) -> str: ...
def _citation_vi(text: str) -> str: ...
def _panic_for_test() -> None: ...
# Unpickling (see bindings/python/src/pickling.rs).
def _check_report_from_state(
    coop_json: str, law: str, as_of: str, parameters: str | None, lang: str | None
) -> CheckReport: ...
def _classification_from_state(coop_json: str, as_of: str, parameters: str | None) -> Classification: ...
def _cooperative_from_state(json: str) -> Cooperative: ...
def _registry_from_state(
    json: str, rejected: list[tuple[int, str | None, list[tuple[str, str, str]]]]
) -> Registry: ...
def _core_check_json(coop_json: str, law: str, as_of: str) -> str: ...
def _core_classify_json(coop_json: str, as_of: str) -> str: ...
def _bench_core_check(coop_json: str, law: str, as_of: str, n: int) -> float: ...
def _bench_core_indicators(registry: Registry, by: list[str], as_of: str, n: int) -> float: ...

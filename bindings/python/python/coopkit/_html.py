"""HTML tables for Jupyter (``_repr_html_``). Presentation only: every word
shown (statuses, headings, codes, yes and no, verdicts) comes from the core's
code lists through ``coopkit._vocabulary``, and every number and date is
written by the core (``format_number``, ``_format_date``), so Python, the
report and the web page say the same thing the same way."""

from __future__ import annotations

import datetime
from functools import lru_cache
from html import escape
from typing import Any, Dict, Mapping, Sequence

from . import _coopkit  # type: ignore[attr-defined]

_STATUS_COLOUR = {"pass": "#1a7f37", "fail": "#cf222e", "not_assessable": "#9a6700", "not_applicable": "#57606a"}
_HEAD = ("rule", "status", "subject", "measured", "required", "citation", "message")

# Text reads from the left, numbers line up on the right; long text wraps, so
# a table fits the notebook's width (1280 px) instead of running off it.
_STYLE = (
    "<style>"
    "table.coopkit{border-collapse:collapse;max-width:100%;margin:0.5em 0}"
    "table.coopkit caption{text-align:left!important;font-weight:bold;padding:0.3em 0}"
    "table.coopkit th,table.coopkit td{text-align:left!important;vertical-align:top;padding:0.25em 0.6em;"
    "white-space:normal!important;overflow-wrap:break-word;max-width:32em;border-bottom:1px solid #d0d7de}"
    "table.coopkit th{font-weight:bold}"
    "table.coopkit .num{text-align:right!important;white-space:nowrap!important;font-variant-numeric:tabular-nums}"
    "</style>"
)


@lru_cache(maxsize=None)
def _words(lang: str) -> Dict[str, Dict[str, str]]:
    vocabulary: Dict[str, Dict[str, str]] = _coopkit._vocabulary(lang)
    return vocabulary


def _number(v: float, unit: str, lang: str) -> str:
    """A number of `unit` as `lang` writes it (the core's ``format_number``)."""
    text: str = _coopkit.format_number(v, unit, lang)  # type: ignore[arg-type]
    return text


def _term(name: str, lang: str) -> str:
    return _words(lang)["term"][name]


def _heading(name: str, lang: str) -> str:
    """A column's heading in `lang`: the core's term for it, else the
    dimension's or rule's label, else the name itself."""
    words = _words(lang)
    if name in words["term"]:
        return words["term"][name]
    if name in words["dimension"]:
        return words["dimension"][name]
    if name == "reason_vi":
        return words["term"]["reason"]
    rule = name.removeprefix("women_managed_")
    if rule != name and rule in words["women_managed_rule"]:
        return f"{words['term']['women_managed']}: {words['women_managed_rule'][rule]}"
    return name


def check_report(
    report: Mapping[str, Any], lang: str, texts: Sequence[tuple[str, str | None, str | None, str | None]]
) -> str:
    """A report dict (``CheckReport.to_dict()``) as an HTML table; `texts`
    gives each finding's subject, measured and required value as the core
    writes them in `lang` (with units and separators), and their unit."""
    labels = _words(lang)["status"]
    verdict = _term("no_rule_failed" if report["ok"] else "some_rules_failed", lang)
    rows = []
    for f, (subject, measured, required, unit) in zip(report["findings"], texts):
        status = f["status"]
        value = "<td class=\"num\">" if unit in ("count", "vnd", "percent") else "<td>"
        rows.append(
            "<tr>"
            f"<td title=\"{escape(f['rule'])}\">{escape(_words(lang)['rule'].get(f['rule'], f['rule']))}</td>"
            f"<td style=\"color:{_STATUS_COLOUR.get(status, '#000')};font-weight:bold\">{escape(labels.get(status, status))}</td>"
            f"<td>{escape(subject)}</td>"
            f"{value}{escape(measured or '')}</td>"
            f"{value}{escape(required or '')}</td>"
            f"<td>{escape(f['citation_vi'] if lang == 'vi' else f['citation'])}</td>"
            f"<td>{escape(f['message'][lang])}</td>"
            "</tr>"
        )
    law = _words(lang)["law"].get(report["law"], report["law"])
    on = _coopkit._format_date(report["as_of"], lang)
    caption = f"{escape(report['cooperative'])} · {escape(law)} · {escape(on)} · {escape(verdict)}"
    if not report.get("law_in_force", True):
        caption += " · " + escape(_term("law_not_in_force", lang))
    if not report.get("established_on_as_of", True):
        caption += " · " + escape(_term("not_yet_established", lang))
    if report.get("dissolved_on_as_of", False):
        caption += " · " + escape(_term("dissolved", lang))
    head = "".join(f"<th>{escape(_term(h, lang))}</th>" for h in _HEAD)
    return (
        "<table class=\"coopkit coopkit-report\">"
        f"<caption>{caption}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>" + _STYLE
    )


def classification(c: Mapping[str, Any], lang: str) -> str:
    """A classification dict (``Classification.to_dict()``) as an HTML table."""
    words = _words(lang)
    unknown = _term("unknown", lang)

    def yn(v: Any) -> str:
        return unknown if v is None else _term("yes" if v else "no", lang)

    size = c["size_class"]
    size_class = size.get("class")
    ilo = c.get("ilo_type")
    # (code, label, value, reason): the code column is meant for codes.
    rows = [
        ("size_class", _term("size_class", lang), words["size_class"][size_class] if size_class else unknown,
         f"{_coopkit._citation_vi(size.get('basis', '')) if lang == 'vi' else size.get('basis', '')} {size['reason'][lang]}".strip()),
        ("ilo_type", _term("ilo_type", lang), words["ilo_type"][ilo] if ilo else unknown, ""),
        ("has_minority_member", _term("has_minority_member", lang), yn(c.get("has_minority_member")), ""),
    ]
    for w in c["women_managed"]:
        rule = words["women_managed_rule"].get(w["rule"], w["rule"])
        rows.append((f"women_managed.{w['rule']}", f"{_term('women_managed', lang)}: {rule}", yn(w.get("value")), w["reason"][lang]))
    body = "".join(
        f"<tr><td><code>{escape(code)}</code></td><td>{escape(label)}</td><td>{escape(str(value))}</td><td>{escape(reason)}</td></tr>"
        for code, label, value, reason in rows
    )
    return (
        "<table class=\"coopkit coopkit-classification\">"
        f"<caption>{escape(c['cooperative'])} · {escape(_coopkit._format_date(c['as_of'], lang))}</caption>"
        f"<tbody>{body}</tbody></table>" + _STYLE
    )


# The unit of a number column that says nothing of its unit; otherwise the
# row's own `unit` (an indicator's value, a target's expected value).
_NUMBER_UNIT = {"share": "percent", "progress": "ratio"}
_UNITS = ("count", "percent", "ratio")


def _cell(name: str, kind: str, v: Any, unit: Any, lang: str) -> tuple[str, bool]:
    """One cell as (HTML, is a number)."""
    words = _words(lang)
    if kind in ("truth", "flag") or isinstance(v, bool):
        return escape(_term("unknown" if v is None else "yes" if v else "no", lang)), False
    if v is None:
        return "", kind in ("count", "number")
    if kind == "date" or isinstance(v, datetime.date):
        return escape(_coopkit._format_date(v, lang)), False
    if kind == "count" or isinstance(v, int):
        return escape(_number(float(v), "count", lang)), True
    if kind == "number" or isinstance(v, float):
        u = _NUMBER_UNIT.get(name) or (unit if unit in _UNITS else "count")
        return escape(_number(float(v), u, lang)), True
    text = str(v)
    if kind == "code" and name in words and text in words[name]:
        return f"<span title=\"{escape(text)}\">{escape(words[name][text])}</span>", False
    return escape(text), False


def shown_value(name: str, kind: str, v: Any, lang: str) -> Any:
    """A cell as a spreadsheet shows it in `lang`: a code as its label, yes
    and no as words; numbers, dates and other text as they are."""
    words = _words(lang)
    if kind in ("truth", "flag") or isinstance(v, bool):
        return _term("unknown" if v is None else "yes" if v else "no", lang)
    if kind == "code" and isinstance(v, str) and name in words and v in words[name]:
        return words[name][v]
    return v


def columns_table(
    columns: Mapping[str, Sequence[Any]],
    max_rows: int = 50,
    lang: str = "en",
    types: Mapping[str, str] | None = None,
) -> str:
    """Column-oriented data as an HTML table (the first ``max_rows`` rows):
    headings, codes, yes and no in `lang`, numbers and dates as `lang`
    writes them, numbers on the right."""
    kinds = dict(types or {})
    # The rule's label is the rule column itself here (its id in the title),
    # and a column with nothing in it (no breakdown asked for) says nothing.
    names = [c for c in columns if not (c == "rule_label" and "rule" in columns)
             and any(v is not None for v in columns[c][:max_rows])]
    if "rule" in columns:
        kinds.setdefault("rule", "code")
    n = len(columns[names[0]]) if names else 0
    shown = min(n, max_rows)
    units = columns.get("unit")
    cells = {c: [_cell(c, kinds.get(c, ""), columns[c][i], units[i] if units else None, lang) for i in range(shown)]
             for c in names}
    numeric = {c: kinds.get(c) in ("count", "number") or (bool(cells[c]) and all(num for _, num in cells[c]))
               for c in names}

    def td(c: str, i: int) -> str:
        html, _ = cells[c][i]
        return f"<td class=\"num\">{html}</td>" if numeric[c] else f"<td>{html}</td>"

    rows = "".join("<tr>" + "".join(td(c, i) for c in names) + "</tr>" for i in range(shown))
    num_class = {True: " class=\"num\"", False: ""}
    head = "".join(f"<th title=\"{escape(c)}\"{num_class[numeric[c]]}>{escape(_heading(c, lang))}</th>" for c in names)
    more = f"<p>… {_number(float(n - shown), 'count', lang)} {escape(_term('more_rows', lang))}</p>" if n > shown else ""
    return f"<table class=\"coopkit coopkit-table\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}{_STYLE}"

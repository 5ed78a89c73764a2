"""HTML tables for Jupyter (``_repr_html_``). Presentation only: every word
shown (statuses, headings, yes and no, verdicts) comes from the core's code
lists through ``coopkit._vocabulary``, so Python, the report and the web page
say the same thing."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any, Dict, Mapping, Sequence

from . import _coopkit  # type: ignore[attr-defined]

_STATUS_COLOUR = {"pass": "#1a7f37", "fail": "#cf222e", "not_assessable": "#9a6700", "not_applicable": "#57606a"}
_HEAD = ("rule", "status", "subject", "measured", "required", "citation", "message")


@lru_cache(maxsize=None)
def _words(lang: str) -> Dict[str, Dict[str, str]]:
    vocabulary: Dict[str, Dict[str, str]] = _coopkit._vocabulary(lang)
    return vocabulary


def _term(name: str, lang: str) -> str:
    return _words(lang)["term"][name]


def value_text(v: Any, lang: str = "en") -> str:
    """A measured or required value as short text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return _term("yes" if v else "no", lang)
    if isinstance(v, Mapping) and set(v) == {"min", "max"}:
        return f"{value_text(v['min'], lang)}–{value_text(v['max'], lang)}"
    if isinstance(v, Sequence) and not isinstance(v, str):
        return ", ".join(value_text(x, lang) for x in v)
    if isinstance(v, str):
        # A code (a size class, a structure): its label where the core has one.
        for field in ("size_class", "governance"):
            label = _words(lang).get(field, {}).get(v)
            if label:
                return label
        return v
    if isinstance(v, (int, float)):
        text: str = _coopkit._format_number(float(v), isinstance(v, int), lang)
        return text
    return str(v)


def required_text(finding: Mapping[str, Any], lang: str = "en") -> str:
    """The required value with its direction: "≥ 5", "≤ 30", "3–15"."""
    text = value_text(finding.get("required"), lang)
    sign = _words(lang)["comparison_sign"].get(finding.get("comparison", ""), "")
    return f"{sign} {text}" if text and sign else text


def check_report(report: Mapping[str, Any], lang: str) -> str:
    """A report dict (``CheckReport.to_dict()``) as an HTML table."""
    labels = _words(lang)["status"]
    verdict = _term("no_rule_failed" if report["ok"] else "some_rules_failed", lang)
    rows = []
    for f in report["findings"]:
        status = f["status"]
        rows.append(
            "<tr>"
            f"<td title=\"{escape(f['rule'])}\">{escape(_words(lang)['rule'].get(f['rule'], f['rule']))}</td>"
            f"<td style=\"color:{_STATUS_COLOUR.get(status, '#000')};font-weight:bold\">{escape(labels.get(status, status))}</td>"
            f"<td>{escape(str(f['subject']))}</td>"
            f"<td>{escape(value_text(f.get('measured'), lang))}</td>"
            f"<td>{escape(required_text(f, lang))}</td>"
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
    return (
        "<table class=\"coopkit-report\">"
        f"<caption style=\"text-align:left\">{caption}</caption>"
        "<thead><tr>" + "".join(f"<th>{escape(_term(h, lang))}</th>" for h in _HEAD) + "</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
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
        "<table class=\"coopkit-classification\">"
        f"<caption style=\"text-align:left\">{escape(c['cooperative'])} · {escape(_coopkit._format_date(c['as_of'], lang))}</caption>"
        f"<tbody>{body}</tbody></table>"
    )


def columns_table(columns: Mapping[str, Sequence[Any]], max_rows: int = 50, lang: str = "en") -> str:
    """Column-oriented data as an HTML table (the first ``max_rows`` rows)."""
    names = list(columns)
    n = len(columns[names[0]]) if names else 0
    shown = min(n, max_rows)

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:.4g}"
        return escape(str(v))

    rows = "".join("<tr>" + "".join(f"<td>{cell(columns[c][i])}</td>" for c in names) + "</tr>" for i in range(shown))
    more = f"<p>… {n - shown} {escape(_term('more_rows', lang))}</p>" if n > shown else ""
    return (
        "<table class=\"coopkit-table\"><thead><tr>"
        + "".join(f"<th>{escape(c)}</th>" for c in names)
        + f"</tr></thead><tbody>{rows}</tbody></table>{more}"
    )

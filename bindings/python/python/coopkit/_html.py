"""HTML tables for Jupyter (``_repr_html_``). Presentation only."""

from __future__ import annotations

from html import escape
from typing import Any, Mapping, Sequence

_STATUS_LABEL = {
    "en": {"pass": "pass", "fail": "fail", "not_assessable": "not assessable", "not_applicable": "not applicable"},
    "vi": {"pass": "đạt", "fail": "không đạt", "not_assessable": "không đánh giá được", "not_applicable": "không áp dụng"},
}
_STATUS_COLOUR = {"pass": "#1a7f37", "fail": "#cf222e", "not_assessable": "#9a6700", "not_applicable": "#57606a"}
_HEAD = {
    "en": ("rule", "status", "subject", "measured", "required", "citation", "message"),
    "vi": ("quy tắc", "kết quả", "đối tượng", "đo được", "yêu cầu", "căn cứ", "giải thích"),
}


def value_text(v: Any) -> str:
    """A measured or required value as short text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Mapping) and set(v) == {"min", "max"}:
        return f"{v['min']}–{v['max']}"
    if isinstance(v, Sequence) and not isinstance(v, str):
        return ", ".join(str(x) for x in v)
    return str(v)


_SIGN = {"at_least": "≥ ", "at_most": "≤ ", "equal": "= "}


def required_text(finding: Mapping[str, Any]) -> str:
    """The required value with its direction: "≥ 5", "≤ 30", "3–15"."""
    text = value_text(finding.get("required"))
    return _SIGN.get(finding.get("comparison", ""), "") + text if text else ""


def check_report(report: Mapping[str, Any], lang: str) -> str:
    """A report dict (``CheckReport.to_dict()``) as an HTML table."""
    head = _HEAD[lang]
    labels = _STATUS_LABEL[lang]
    ok = report["ok"]
    verdict = ("no rule failed" if ok else "some rules failed") if lang == "en" else ("không có quy tắc nào không đạt" if ok else "có quy tắc không đạt")
    rows = []
    for f in report["findings"]:
        status = f["status"]
        rows.append(
            "<tr>"
            f"<td><code>{escape(f['rule'])}</code></td>"
            f"<td style=\"color:{_STATUS_COLOUR.get(status, '#000')};font-weight:bold\">{escape(labels.get(status, status))}</td>"
            f"<td>{escape(str(f['subject']))}</td>"
            f"<td>{escape(value_text(f.get('measured')))}</td>"
            f"<td>{escape(required_text(f))}</td>"
            f"<td>{escape(f['citation'])}</td>"
            f"<td>{escape(f['message'][lang])}</td>"
            "</tr>"
        )
    caption = f"{escape(report['cooperative'])} · {escape(report['law'])} · {escape(str(report['as_of']))} · {verdict}"
    if not report.get("law_in_force", True):
        caption += " · " + ("law not in force on this date" if lang == "en" else "luật không có hiệu lực vào ngày này")
    if not report.get("established_on_as_of", True):
        caption += " · " + ("not yet established on this date" if lang == "en" else "chưa thành lập vào ngày này")
    return (
        "<table class=\"coopkit-report\">"
        f"<caption style=\"text-align:left\">{caption}</caption>"
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
    )


def classification(c: Mapping[str, Any], lang: str) -> str:
    """A classification dict (``Classification.to_dict()``) as an HTML table."""
    unknown = "unknown" if lang == "en" else "không rõ"
    yes, no = ("yes", "no") if lang == "en" else ("có", "không")

    def yn(v: Any) -> str:
        return unknown if v is None else (yes if v else no)

    size = c["size_class"]
    rows = [
        ("size_class", size.get("class") or unknown, f"{size.get('basis', '')} {size['reason'][lang]}".strip()),
        ("ilo_type", c.get("ilo_type") or unknown, ""),
        ("has_minority_member", yn(c.get("has_minority_member")), ""),
    ]
    for w in c["women_managed"]:
        rows.append((f"women_managed.{w['rule']}", yn(w.get("value")), w["reason"][lang]))
    body = "".join(f"<tr><td><code>{escape(a)}</code></td><td>{escape(str(b))}</td><td>{escape(r)}</td></tr>" for a, b, r in rows)
    return (
        "<table class=\"coopkit-classification\">"
        f"<caption style=\"text-align:left\">{escape(c['cooperative'])} · {escape(str(c['as_of']))}</caption>"
        f"<tbody>{body}</tbody></table>"
    )


def columns_table(columns: Mapping[str, Sequence[Any]], max_rows: int = 50) -> str:
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
    more = f"<p>… {n - shown} more rows</p>" if n > shown else ""
    return (
        "<table class=\"coopkit-table\"><thead><tr>"
        + "".join(f"<th>{escape(c)}</th>" for c in names)
        + f"</tr></thead><tbody>{rows}</tbody></table>{more}"
    )

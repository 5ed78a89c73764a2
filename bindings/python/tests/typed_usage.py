"""A typed use of the public API, checked by `mypy --strict` and by pyright
in strict mode against the stubs, and run by the tests."""

from __future__ import annotations

import datetime
from pathlib import Path

import coopkit


def main() -> None:
    coop = {"id": "HTX01", "name": "HTX", "kind": "cooperative", "sector": "agriculture"}
    report: coopkit.CheckReport = coopkit.check(coop, law="vn-2023", as_of=datetime.date(2024, 10, 16))
    ok: bool = report.ok
    for f in report.findings:
        status: str = f.status
        text: str = f.text("vi")
        print(f.rule, status, f.citation, text)
    d: dict[str, object] = report.to_dict()
    html: str = report.to_html(lang="en")
    c: coopkit.Classification = coopkit.classify(coop, as_of="2025-01-01")
    size: str | None = c.size_class
    wm: bool | None = c.women_managed["chair_or_director"]
    reg = coopkit.Registry.from_records([coop])
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        reg.to_csv(folder)
        again: coopkit.Registry = coopkit.Registry.from_csv(folder, lenient=True)
        assert again.ids() == reg.ids() and again.rejected == []
    first: coopkit.Cooperative = reg[0]
    same: coopkit.Cooperative = reg["HTX01"]
    reports: list[coopkit.CheckReport] = reg.check(law="auto", as_of="2024-10-16")
    targets: coopkit.Table = coopkit.targets(lang="vi")
    progress: coopkit.Table = reg.progress(
        as_of="2025-12-31", women_managed_rule="management_majority", baselines={targets["target"][0]: {"date": "2023-01-03", "value": 0}}
    )
    findings: coopkit.Table = reg.findings(as_of="2024-10-16", lang="vi")
    classes: coopkit.Table = reg.classify(as_of="2024-10-16", lang="vi")
    frames = reg.to_frames()
    members_table: coopkit.Table = frames["members"]
    again_from_frames: coopkit.Registry = coopkit.Registry.from_frames(**frames)
    label: str = coopkit.label("sector", "agriculture", "vi")
    share: str = coopkit.format_number(36.6, "percent", lang="vi")
    print(len(again_from_frames), label, share, members_table.types)
    import polars as pl  # typed: the conversions say what they return

    frame: pl.DataFrame = findings.to_polars()
    print(frame.height, type(findings.to_pandas()).__name__)
    first_row: dict[str, object] = classes[0]
    print(len(findings), first_row["cooperative"])
    computed: coopkit.IndicatorTable = reg.indicators("members", by="province", as_of="2024-10-16")
    print(len(computed), computed.columns)
    table = coopkit.IndicatorTable({"indicator": ["members"], "value": [1.0]})
    rows: list[dict[str, object]] = table.to_dicts()
    try:
        coopkit.check({"id": "x"})
    except coopkit.InputError as e:
        where: str | None = e.path
        problems: list[coopkit.Problem] = e.errors
        print(where, [p.code for p in problems], e.error_count())
        loc: tuple[str | int, ...] = problems[0].loc
        print(loc, problems[0].type, problems[0].msg)
    except coopkit.CoopkitError as e:
        print(e.code)
    units = coopkit.Units.from_csv("code,name,level\n51,Quang Ngai,province\n")
    name: str | None = units.name("province", "51", "2024-10-16")
    moved, remap = reg.on_units(units, from_="2024-12-31", to="2026-01-01")
    changed: int = remap["changed"]
    trend = reg.indicators(ids="members", years=(2020, 2026), units=units)
    print(name, len(moved), changed, len(trend))
    book: coopkit.Report = reg.report(as_of="2024-10-16", lang="en", law="vn-2023", title="Q4")
    page: str = book.to_html()
    workbook: bytes = book.to_excel()
    with tempfile.TemporaryDirectory() as folder:
        nothing: None = book.to_excel(Path(folder) / "report.xlsx")
    print(book.title, book.lang, book.to_text(80)[:10], len(page), len(workbook), nothing, book.to_dict()["title"])
    print(ok, len(d), len(html), size, wm, first.id, same.id, len(reports), rows, len(reg), len(progress))


if __name__ == "__main__":
    main()

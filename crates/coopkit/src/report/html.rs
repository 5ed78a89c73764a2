//! The report as one self-contained HTML page: styles and SVG charts
//! inline, no script, no font, image or link to fetch, so that it opens
//! offline and can be sent by email; print styles for A4 (a page per
//! section, rows never cut, table headings repeated on each page).

use super::{Bar, Block, Chart, ListStyle, Report, Table};
use crate::text::Lang;
use std::fmt::Write;

const STYLE: &str = "\
:root{--ink:#1f2328;--muted:#57606a;--rule:#d0d7de;--accent:#6a1b9a;--second:#e65100;--fail:#cf222e;--na:#9a6700}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:var(--ink);\
line-height:1.45;max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .8rem}h2{font-size:1.25rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;\
margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.9rem 0 .3rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
nav.toc ol{list-style:none;padding-left:.4rem;margin:.3rem 0}nav.toc a{color:var(--accent);text-decoration:none}
table{border-collapse:collapse;margin:.4rem 0 .8rem;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.2rem .6rem;border-bottom:1px solid var(--rule)}
thead th{border-bottom:2px solid var(--ink)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.group th{padding-top:.5rem;font-weight:600;border-bottom:none}
td.sub{padding-left:1.4rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;color:var(--muted)}
ul.remarks,ul.legend{list-style:none;padding-left:1rem;color:var(--muted);font-size:.9rem}
ul.remarks li::before{content:'— '}
.target{margin:.5rem 0 .7rem}.target p{margin:.1rem 0}.target ul{margin:.1rem 0;padding-left:1.4rem}
.target .note{color:var(--muted);font-size:.9rem;padding-left:1.4rem}
.findings ul{list-style:none;padding-left:.6rem;margin:.2rem 0}.findings li{margin:.35rem 0}
.mark{font-weight:700;display:inline-block;width:1.2rem}.fail .mark{color:var(--fail)}.not_assessable .mark{color:var(--na)}
.cite,.msg{display:block;padding-left:1.2rem;font-size:.9rem}.cite{color:var(--muted)}
figure.chart{margin:.8rem 0 1rem}figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
figure.chart svg{max-width:100%;height:auto;font-family:inherit}
.key{font-size:.85rem;color:var(--muted)}.key span{display:inline-block;width:.8rem;height:.8rem;\
vertical-align:middle;margin:0 .3rem 0 .8rem}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@page{size:A4;margin:16mm 14mm}
@media print{body{max-width:none;padding:0;font-size:10pt}section{break-before:page}nav.toc{break-after:page}\
h2,h3,h4,figcaption{break-after:avoid}tr,figure,.target,.findings li{break-inside:avoid}\
thead{display:table-header-group}a{color:inherit}}
";

/// The height of one bar of a chart, in SVG units.
const BAR: f64 = 12.0;

/// The colours of the chart's series, in order.
const SERIES: [&str; 2] = ["var(--accent)", "var(--second)"];

pub(super) fn render(r: &Report) -> String {
    let l = r.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"coopkit {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        l.as_str(),
        env!("CARGO_PKG_VERSION"),
        esc(&r.title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>\n<dl class=\"facts\">", esc(&r.title));
    for (k, v) in &r.facts {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    out.push_str("</dl>\n</header>\n");
    let _ = writeln!(
        out,
        "<nav class=\"toc\" aria-label=\"{0}\">\n<h2>{0}</h2>\n<ol>",
        l.pick("Contents", "Mục lục")
    );
    for s in &r.sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            anchor(&s.id),
            esc(&s.heading())
        );
    }
    out.push_str("</ol>\n</nav>\n<main>\n");
    for s in &r.sections {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>",
            anchor(&s.id),
            esc(&s.heading())
        );
        for b in &s.blocks {
            block(&mut out, b, l);
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer>coopkit {}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn block(out: &mut String, b: &Block, l: Lang) {
    match b {
        Block::Paragraph { text } => {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        Block::Label { text } => {
            let _ = writeln!(out, "<h3>{}</h3>", esc(text.trim_end_matches(':')));
        }
        Block::Line { text } => {
            let _ = writeln!(out, "<p class=\"line\">{}</p>", esc(text));
        }
        Block::Space => {}
        Block::Table(t) => table(out, t),
        Block::List { style, items } => {
            let class = match style {
                ListStyle::Bullets => "notes",
                ListStyle::Remarks => "remarks",
                ListStyle::Legend => "legend",
            };
            let _ = writeln!(out, "<ul class=\"{class}\">");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", esc(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Target {
            number,
            description,
            lines,
            note,
        } => {
            let _ = writeln!(
                out,
                "<div class=\"target\">\n<p><b>{number}.</b> {}</p>\n<ul>",
                esc(description)
            );
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", esc(line));
            }
            out.push_str("</ul>\n");
            if let Some(note) = note {
                let _ = writeln!(out, "<p class=\"note\">({})</p>", esc(note));
            }
            out.push_str("</div>\n");
        }
        Block::Findings { heading, items } => {
            let _ = writeln!(out, "<div class=\"findings\">\n<h4>{}</h4>\n<ul>", esc(heading));
            for f in items {
                let _ = writeln!(
                    out,
                    "<li class=\"{}\"><span class=\"mark\" title=\"{}\">{}</span>{}\
                     <span class=\"cite\">{}</span><span class=\"msg\">{}</span></li>",
                    f.status.as_str(),
                    esc(f.status.label(l)),
                    f.mark(),
                    esc(&f.text),
                    esc(&f.citation),
                    esc(&f.message)
                );
            }
            out.push_str("</ul>\n</div>\n");
        }
        Block::Chart(c) => chart(out, c),
    }
}

fn table(out: &mut String, t: &Table) {
    let num = |i: usize| {
        if t.numeric.get(i) == Some(&true) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in t.header.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", num(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        if row.group {
            let _ = writeln!(
                out,
                "<tr class=\"group\"><th colspan=\"{}\" scope=\"rowgroup\">{}</th></tr>",
                t.header.len().max(1),
                esc(row.cells.first().map_or("", String::as_str))
            );
            continue;
        }
        out.push_str("<tr>");
        for i in 0..t.header.len().max(row.cells.len()) {
            let cell = row.cells.get(i).map_or("", String::as_str);
            let class = if cell.starts_with("  ") {
                " class=\"sub\""
            } else {
                num(i)
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell.trim()));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A horizontal bar chart in SVG: a label column, bars from 0 to 100 %
/// with the value written after each, grid lines every 25 %, and the
/// marker as a dashed line.
fn chart(out: &mut String, c: &Chart) {
    // The label column as wide as the longest label (11 px letters).
    let longest = c.bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let label_width = (longest as f64 * 6.2 + 14.0).clamp(40.0, 300.0);
    const PLOT: f64 = 420.0;
    const VALUE: f64 = 70.0;
    const GAP: f64 = 8.0;
    const TOP: f64 = 22.0;
    let n = c.series.len().max(1) as f64;
    let group = n * BAR + GAP;
    let height = TOP + group * c.bars.len() as f64 + 6.0;
    let width = label_width + PLOT + VALUE;
    let max = c.max.max(f64::MIN_POSITIVE);
    let x = |v: f64| label_width + PLOT * v.clamp(0.0, max) / max;
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n<figcaption>{}</figcaption>",
        esc(&c.title)
    );
    if c.series.len() > 1 {
        out.push_str("<div class=\"key\">");
        for (i, s) in c.series.iter().enumerate() {
            let _ = write!(
                out,
                "<span style=\"background:{}\"></span>{}",
                SERIES[i % SERIES.len()],
                esc(s)
            );
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:.0}\" width=\"{width}\" \
         height=\"{height:.0}\" role=\"img\" aria-label=\"{}\">",
        esc(&c.title)
    );
    for (at, label) in &c.ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{height:.0}\" stroke=\"#d0d7de\"/>\
             <text x=\"{0:.1}\" y=\"{2}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">{3}</text>",
            x(*at),
            TOP - 6.0,
            TOP - 10.0,
            esc(label)
        );
    }
    for (i, bar) in c.bars.iter().enumerate() {
        bar_group(out, bar, TOP + group * i as f64, label_width - 6.0, &x);
    }
    if let Some((at, label)) = &c.marker {
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{height:.0}\" stroke=\"#1f2328\" \
             stroke-dasharray=\"4 3\"><title>{2}</title></line>",
            x(*at),
            TOP - 4.0,
            esc(label)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

fn bar_group(out: &mut String, bar: &Bar, y: f64, label_end: f64, x: &dyn Fn(f64) -> f64) {
    let n = bar.values.len().max(1) as f64;
    let _ = writeln!(
        out,
        "<text x=\"{label_end:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1f2328\">{}</text>",
        y + n * BAR / 2.0 + 4.0,
        esc(&bar.label)
    );
    for (j, (v, text)) in bar.values.iter().zip(&bar.texts).enumerate() {
        let top = y + BAR * j as f64;
        let end = v.map_or(x(0.0), x);
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#1f2328\">{}</text>",
            x(0.0),
            end - x(0.0),
            BAR - 2.0,
            SERIES[j % SERIES.len()],
            esc(&bar.label),
            esc(text),
            end + 4.0,
            top + BAR - 3.0,
            esc(text)
        );
    }
}

/// `page` in an iframe of its own (its text escaped into `srcdoc`).
pub(super) fn frame(page: &str, title: &str) -> String {
    format!(
        "<iframe srcdoc=\"{}\" title=\"{}\" style=\"width:100%;height:720px;border:1px solid #d0d7de\"></iframe>",
        esc(page),
        esc(title)
    )
}

/// An id as an HTML anchor: letters, digits and `-` only.
fn anchor(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Text escaped for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

//! The report as terminal text: headings underlined, tables with aligned
//! columns, prose wrapped. Widths count characters, not bytes: the library
//! hands out NFC text, so every Vietnamese letter is one character and one
//! column.

use super::{Block, Chart, ListStyle, Report, Table};
use std::fmt::Write;

pub(super) fn render(report: &Report, width: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n{}",
        report.title,
        "#".repeat(report.title.chars().count())
    );
    let label_width = report
        .facts
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in &report.facts {
        let pad = " ".repeat(label_width - label.chars().count());
        out.push_str(&wrap(&format!("{label}{pad}  "), value, width));
    }
    for section in &report.sections {
        let heading = section.heading();
        let _ = write!(out, "\n{heading}\n{}\n", "=".repeat(heading.chars().count()));
        for block in &section.blocks {
            block_text(&mut out, block, width);
        }
    }
    out
}

fn block_text(out: &mut String, block: &Block, width: usize) {
    match block {
        Block::Paragraph { text } => out.push_str(&wrap("", text, width)),
        Block::Label { text } => {
            let _ = writeln!(out, "\n{text}");
        }
        Block::Line { text } => {
            let _ = writeln!(out, "{text}");
        }
        Block::Space => out.push('\n'),
        Block::Table(t) => out.push_str(&table(t)),
        Block::List { style, items } => {
            let prefix = match style {
                ListStyle::Bullets => "- ",
                ListStyle::Remarks => "  — ",
                ListStyle::Legend => "  ",
            };
            for item in items {
                out.push_str(&wrap(prefix, item, width));
            }
        }
        Block::Target {
            number,
            description,
            lines,
            note,
        } => {
            out.push_str(&wrap(&format!("  {number}. "), description, width));
            for line in lines {
                out.push_str(&wrap("      ", line, width));
            }
            if let Some(note) = note {
                out.push_str(&wrap("      ", &format!("({note})"), width));
            }
        }
        Block::Findings { heading, items } => {
            let _ = writeln!(out, "\n  {heading}");
            for f in items {
                out.push_str(&wrap("    ", &format!("{} {}", f.mark(), f.text), width));
                out.push_str(&wrap("      ", &f.citation, width));
                out.push_str(&wrap("      ", &f.message, width));
            }
        }
        Block::Chart(c) => out.push_str(&chart(c)),
    }
}

/// A chart as rows of bars: one column of bars per series, a full bar
/// (20 characters) at the end of the scale.
fn chart(c: &Chart) -> String {
    const BAR: usize = 20;
    let mut header = vec![String::new()];
    for s in &c.series {
        header.push(s.clone());
        header.push(">".into());
    }
    let mut t = Table::new(&header);
    for bar in &c.bars {
        let mut cells = vec![bar.label.clone()];
        for (v, text) in bar.values.iter().zip(&bar.texts) {
            let share = v.map_or(0.0, |v| (v / c.max.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0));
            let filled = (share * BAR as f64).round() as usize;
            cells.push(format!("{}{}", "█".repeat(filled), "·".repeat(BAR - filled)));
            cells.push(text.clone());
        }
        t.row(cells);
    }
    format!("\n{}:\n{}", c.title, table(&t))
}

/// A table, indented by two spaces, with a rule under the header; a group
/// row is its first cell alone (its width counted in the first column's).
pub(super) fn table(t: &Table) -> String {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = t.header.iter().map(|h| width(h)).collect();
    for row in &t.rows {
        for (w, cell) in widths.iter_mut().zip(&row.cells) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::from(" ");
        for (i, w) in widths.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            let pad = " ".repeat(w.saturating_sub(width(cell)));
            if t.numeric[i] {
                let _ = write!(out, " {pad}{cell}");
            } else {
                let _ = write!(out, " {cell}{pad}");
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(&t.header);
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    out += &line(&rule);
    for row in &t.rows {
        if row.group {
            let _ = writeln!(out, "  {}", row.cells.first().map_or("", String::as_str));
        } else {
            out += &line(&row.cells);
        }
    }
    out
}

/// `text` wrapped at `width` columns after `prefix`; the lines after the
/// first are indented as far as the prefix is wide.
pub(super) fn wrap(prefix: &str, text: &str, width: usize) -> String {
    let indent = prefix.chars().count();
    let mut out = String::from(prefix);
    let mut len = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && indent + len + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            len = 0;
        } else if len > 0 {
            out.push(' ');
            len += 1;
        }
        out += word;
        len += w;
    }
    out.push('\n');
    out
}

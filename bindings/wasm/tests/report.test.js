// The main job's report as one HTML page (scripts/report.sh --html), read
// as a person reads it: in headless Chromium (Debian's, driven by
// playwright-core), from a file, with every request that is not the file
// itself blocked and counted; its figures are the text report's, its
// contents links lead to its sections, and Chromium's --print-to-pdf makes
// an A4 PDF with a page per section. Screenshots and the PDF are saved under
// target/report/. bindings/wasm/run-tests.sh writes the pages first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../../../target/report/', import.meta.url));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const reports = [
  { lang: 'vi', html: `${dir}bao-cao.html`, text: `${dir}bao-cao.txt`, sections: 5 },
  { lang: 'en', html: `${dir}report-en.html`, text: `${dir}report-en.txt`, sections: 5 },
];
const flat = (s) => s.split(/\s+/).filter(Boolean).join(' ');

let browser;
before(async () => {
  for (const r of reports) assert.ok(existsSync(r.html), `run bindings/wasm/run-tests.sh first: no ${r.html}`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

/** The page opened from its file, every other request blocked and listed. */
async function open(r, media = 'screen') {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const url = pathToFileURL(r.html).href;
  const outside = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  await page.emulateMedia({ media });
  await page.goto(url);
  return { page, outside, errors };
}

for (const r of reports) {
  test(`${r.lang}: the page asks for nothing outside itself and has the text report's figures`, async () => {
    const { page, outside, errors } = await open(r);
    const text = readFileSync(r.text, 'utf8');
    const flatText = flat(text);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    assert.equal(await page.getAttribute('html', 'lang'), r.lang);
    // The title and the header's facts, as the text has them.
    assert.equal(await page.textContent('h1'), text.split('\n')[0]);
    const facts = await page.$$eval('dl.facts dd', (dds) => dds.map((d) => d.textContent));
    assert.equal(facts.length, 4);
    for (const f of facts) assert.ok(flatText.includes(flat(f)), f);
    // Every table row, its cells in order, is a line of the text report.
    const rows = await page.$$eval('table tbody tr:not(.group)', (trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).filter(Boolean).join(' ')));
    assert.ok(rows.length > 60, `${rows.length} rows`);
    for (const row of rows) assert.ok(flatText.includes(row), `not in the text report: ${row}`);
    // The sections, each reached from the contents.
    const targets = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(targets.length, r.sections);
    for (const t of targets) assert.equal(await page.locator(t).count(), 1, t);
    // Three charts; the one by cooperative has a bar per cooperative and
    // series, each titled with the share the text report prints.
    assert.equal(await page.locator('figure.chart svg').count(), 3);
    const bars = await page.$$eval('#cooperatives figure.chart rect title', (ts) => ts.map((t) => t.textContent));
    assert.equal(bars.length, 32);
    for (const b of bars) {
      const [id, share] = b.split(': ');
      const line = text.split('\n').find((l) => l.startsWith(`  ${id} `) && /[█·]/.test(l));
      assert.ok(line?.includes(share), `${b} vs ${line}`);
    }
    await page.screenshot({ path: `${dir}report-${r.lang}.png`, fullPage: true });
    await page.close();
  });
}

test('vi: printed, every section starts a page and no table row is cut', async () => {
  const r = reports[0];
  const { page } = await open(r, 'print');
  const breaks = await page.$$eval('main section', (ss) => ss.map((s) => getComputedStyle(s).breakBefore));
  assert.deepEqual(breaks, Array(r.sections).fill('page'));
  const rows = await page.$eval('table tbody tr', (tr) => getComputedStyle(tr).breakInside);
  assert.equal(rows, 'avoid');
  const head = await page.$eval('table thead', (t) => getComputedStyle(t).display);
  assert.equal(head, 'table-header-group');
  await page.screenshot({ path: `${dir}report-vi-print.png`, fullPage: true });
  await page.close();
});

test("vi: Chromium's --print-to-pdf makes an A4 PDF with a page per section", () => {
  const pdf = `${dir}bao-cao.pdf`;
  rmSync(pdf, { force: true });
  execFileSync(chromiumPath, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, pathToFileURL(reports[0].html).href], { stdio: 'ignore', timeout: 60_000 });
  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(statSync(pdf).size > 20_000);
  const body = bytes.toString('latin1');
  const pages = body.match(/\/Type\s*\/Page\b/g) ?? [];
  // The contents page, then at least one page for each section.
  assert.ok(pages.length >= 1 + reports[0].sections, `${pages.length} pages`);
  // A4: 595 × 842 points.
  const boxes = body.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? [];
  assert.ok(boxes.length >= 1);
  for (const box of boxes) {
    const [, w, h] = box.match(/([\d.]+) ([\d.]+)\s*\]$/);
    assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, box);
  }
});

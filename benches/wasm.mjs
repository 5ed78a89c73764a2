// The WebAssembly package beside the native build, in one run, on one
// thread (Node runs the package's module for Node, built at opt-level 3;
// the page the small one): (1) checking every cooperative of the example province and
// computing its indicators, in Node, after start-up; (2) loading the
// national CSV registry (`gen --scale 1.0`) and doing the same work on it;
// (3) the offline page's first findings on screen in headless Chromium.
//
//   bash scripts/web.sh
//   cargo build -p coopkit-benches --release --bins
//   ./target/release/gen --scale 1.0 --seed 1 --out target/reg-1.0
//   node benches/wasm.mjs [--dir target/reg-1.0] [--repeat 3] [--page]
//
// Prints a table and, with --json FILE, writes the figures.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const dir = arg('--dir');
const repeat = Number(arg('--repeat', '3'));
const started = performance.now();
const ck = await import(new URL('bindings/wasm/pkg/node.js', root));
const startup = performance.now() - started;

function best(n, f) {
  let t = Infinity;
  let out;
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    out = f();
    t = Math.min(t, performance.now() - s);
  }
  return [t / 1000, out];
}

const AS_OF = '2024-10-16';
// In parts of 5,000: the reports of a national registry are more JSON than
// one JavaScript string holds.
function work(reg) {
  let failed = 0;
  for (let offset = 0; offset < reg.length; offset += 5000) {
    failed += reg.check({ asOf: AS_OF, offset, limit: 5000 }).filter((r) => !r.ok).length;
  }
  return failed + reg.indicators({ asOf: AS_OF }).rows.length;
}

const province = readFileSync(new URL('examples/data/quang-ngai-2024.json', root), 'utf8');
const small = ck.Registry.fromJson(province);
const [provinceWork, provinceAnswer] = best(repeat * 20, () => work(small));
const figures = { startup_ms: startup, province_work_s: provinceWork };

if (dir) {
  const file = (n) => readFileSync(new URL(`${dir}/${n}.csv`, root));
  const csv = { cooperatives: file('cooperatives'), members: file('members'), positions: file('positions') };
  let reg;
  const [load] = best(repeat, () => {
    reg?.free();
    reg = ck.Registry.fromCsv(csv);
    return reg.length;
  });
  const [nationalWork] = best(repeat, () => work(reg));
  Object.assign(figures, { national_cooperatives: reg.length, national_load_s: load, national_work_s: nationalWork });
  reg.free();
}

const nativeArgs = ['--repeat', String(repeat), ...(dir ? ['--dir', dir] : [])];
const native = JSON.parse(execFileSync(new URL('target/release/wasm_baseline', root).pathname, nativeArgs, { cwd: root.pathname, encoding: 'utf8' }));

const wasmFile = new URL('bindings/wasm/pkg/glue/coopkit_bg.wasm', root);
const bytes = readFileSync(wasmFile);
figures.wasm_bytes = statSync(wasmFile).size;
figures.wasm_gzip_bytes = gzipSync(bytes, { level: 9 }).length;
const nodeFile = new URL('bindings/wasm/pkg/glue/coopkit_bg.node.wasm', root);
figures.node_wasm_bytes = statSync(nodeFile).size;
figures.node_wasm_gzip_bytes = gzipSync(readFileSync(nodeFile), { level: 9 }).length;

if (args.includes('--page')) {
  const { chromium } = await import(new URL('bindings/wasm/node_modules/playwright-core/index.mjs', root));
  const { createServer } = await import('node:http');
  const { extname, join } = await import('node:path');
  const web = new URL('examples/web/', root).pathname;
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
    try {
      const body = readFileSync(join(web, p));
      res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready]');
    times.push(Number(await page.getAttribute('body', 'data-ready')));
    await context.close();
  }
  await browser.close();
  server.close();
  times.sort((a, b) => a - b);
  figures.page_first_findings_ms = times[3];
  figures.page_first_findings_all_ms = times;
}

const ms = (s) => `${(s * 1000).toFixed(s < 0.01 ? 3 : 0)} ms`;
const row = (what, w, n, target) => console.log(`| ${what} | ${ms(w)} | ${ms(n)} | ${(w / n).toFixed(2)}× | ${target} |`);
console.log(`module for pages: ${(figures.wasm_bytes / 1000).toFixed(0)} kB, ${(figures.wasm_gzip_bytes / 1000).toFixed(0)} kB gzipped; `
  + `module for Node (measured below): ${(figures.node_wasm_bytes / 1000).toFixed(0)} kB; Node start-up (import and instantiate) ${startup.toFixed(0)} ms`);
console.log('| work (one thread) | wasm in Node | native | ratio | target |');
console.log('|---|---|---|---|---|');
row('example province: check every cooperative + indicators', provinceWork, native.province_work_s, '< 2 ms');
if (dir) {
  row(`national registry (${figures.national_cooperatives} cooperatives): load the three CSV files`, figures.national_load_s, native.national_load_s, '≤ 2×');
  row('national registry: check every cooperative + indicators', figures.national_work_s, native.national_work_s, '≤ 2×');
}
if (figures.page_first_findings_ms != null) {
  console.log(`page: first findings on screen ${figures.page_first_findings_ms} ms after navigation (median of 7 fresh openings: ${figures.page_first_findings_all_ms.join(', ')}) — target < 300 ms`);
}
if (provinceAnswer === undefined) process.exit(1);
const out = arg('--json');
if (out) writeFileSync(out, JSON.stringify({ wasm: figures, native }, null, 2));

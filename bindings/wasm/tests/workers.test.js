// Several worker threads, each with its own instance of the module, load the
// same registry and compute at the same time: every one gives the answers of
// the main thread, and errors cross the thread boundary as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import * as ck from '../pkg/node.js';
import { quangNgai } from './helpers.js';

const WORK = `
import { parentPort, workerData } from 'node:worker_threads';
const ck = await import(workerData.pkg);
const reg = ck.Registry.fromJson(workerData.text);
const answers = [];
for (let i = 0; i < workerData.rounds; i++) {
  answers.push(JSON.stringify({
    indicators: reg.indicators({ by: ['province'], asOf: '2024-10-16' }),
    checks: reg.check({ asOf: '2024-10-16' }),
  }));
}
let error = null;
try { ck.Registry.fromJson('{"cooperatives": [{"id": "A"}]}'); } catch (e) {
  error = { name: e.name, code: e.code, paths: e.errors.map((p) => p.path) };
}
reg.free();
parentPort.postMessage({ answers, error });
`;

test('four workers at once give the single-threaded answers', async () => {
  const text = quangNgai();
  const reg = ck.Registry.fromJson(text);
  const want = JSON.stringify({
    indicators: reg.indicators({ by: ['province'], asOf: '2024-10-16' }),
    checks: reg.check({ asOf: '2024-10-16' }),
  });
  const pkg = new URL('../pkg/node.js', import.meta.url).href;
  const run = () => new Promise((resolve, reject) => {
    const w = new Worker(WORK, { eval: true, type: 'module', workerData: { pkg, text, rounds: 3 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const results = await Promise.all([run(), run(), run(), run()]);
  for (const r of results) {
    assert.equal(r.answers.length, 3);
    for (const a of r.answers) assert.equal(a, want);
    assert.deepEqual(r.error, { name: 'InputError', code: 'missing_field', paths: ['cooperatives[0].name', 'cooperatives[0].kind', 'cooperatives[0].sector'] });
  }
  reg.free();
});

// The package's answers equal the native Rust answers on the same inputs:
// every cooperative of the example data and of the test fixtures, every
// function of the API. The native answers are written by
// `cargo run -p coopkit-examples --example parity -- target/parity.json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as ck from '../pkg/node.js';
import { makeError } from '../pkg/errors.js';
import { root } from './helpers.js';

// Node runs the module built for speed; pages the small one. Both are held
// to the native answers: the small one through a second instance of the glue.
const small = await import('../pkg/glue/coopkit.js?small');
small.initSync({ module: readFileSync(new URL('../pkg/glue/coopkit_bg.wasm', import.meta.url)) });
small.__setErrorFactory(makeError);
const modules = { node: ck, small };

const file = new URL('target/parity.json', root);
const { cases } = JSON.parse(readFileSync(file, 'utf8'));

function load(m, source) {
  const path = new URL(source, root);
  if (source.endsWith('.json') || source.endsWith('.jsonl')) return m.Registry.fromJson(readFileSync(path));
  const names = readdirSync(path);
  const file = (n) => (names.includes(`${n}.csv`) ? readFileSync(new URL(`${source}/${n}.csv`, root)) : undefined);
  return m.Registry.fromCsv({ cooperatives: file('cooperatives'), members: file('members'), positions: file('positions') });
}

const registries = new Map();
const registry = (name, source) => {
  const key = `${name} ${source}`;
  if (!registries.has(key)) registries.set(key, load(modules[name], source));
  return registries.get(key);
};

/** The native JSON text's values: floats such as `16.0` are JS numbers either way. */
const normal = (v) => JSON.parse(JSON.stringify(v));

test('the native answers exist', () => {
  assert.ok(existsSync(file));
  assert.ok(cases.length > 100);
  assert.deepEqual(
    [...new Set(cases.map((c) => c.call))].sort(),
    ['check', 'classify', 'indicators', 'progress', 'targets', 'vocabulary'],
  );
});

for (const name of Object.keys(modules)) {
  const m = modules[name];
  for (const [i, c] of cases.entries()) {
    const label = `${name} ${i}: ${c.call} ${c.source ?? ''} ${c.index ?? ''} ${JSON.stringify(c.options ?? {})}`;
    test(label, () => {
      let got;
      switch (c.call) {
        case 'check':
          // Through a plain object, as a page passes an edited record.
          got = m.check(registry(name, c.source).get(c.index), c.options);
          break;
        case 'classify':
          got = m.classify(registry(name, c.source).get(c.index), c.options);
          break;
        case 'indicators':
          got = registry(name, c.source).indicators(c.options);
          break;
        case 'progress':
          got = registry(name, c.source).progress(c.options);
          break;
        case 'targets':
          got = m.targets();
          break;
        case 'vocabulary':
          got = { en: m.vocabulary('en'), vi: m.vocabulary('vi') };
          break;
        default:
          assert.fail(`unknown call ${c.call}`);
      }
      assert.deepEqual(normal(got), c.expected);
    });
  }
}

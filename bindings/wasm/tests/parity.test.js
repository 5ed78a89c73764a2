// The package's answers equal the native Rust answers on the same inputs:
// every cooperative of the example data and of the test fixtures, every
// function of the API. The native answers are written by
// `cargo run -p coopkit-examples --example parity -- target/parity.json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as ck from '../pkg/node.js';
import { root } from './helpers.js';

const file = new URL('target/parity.json', root);
const { cases } = JSON.parse(readFileSync(file, 'utf8'));

function load(source) {
  const path = new URL(source, root);
  if (source.endsWith('.json') || source.endsWith('.jsonl')) return ck.Registry.fromJson(readFileSync(path));
  const names = readdirSync(path);
  const file = (n) => (names.includes(`${n}.csv`) ? readFileSync(new URL(`${source}/${n}.csv`, root)) : undefined);
  return ck.Registry.fromCsv({ cooperatives: file('cooperatives'), members: file('members'), positions: file('positions') });
}

const registries = new Map();
const registry = (source) => {
  if (!registries.has(source)) registries.set(source, load(source));
  return registries.get(source);
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

for (const [i, c] of cases.entries()) {
  const name = `${i}: ${c.call} ${c.source ?? ''} ${c.index ?? ''} ${JSON.stringify(c.options ?? {})}`;
  test(name, () => {
    let got;
    switch (c.call) {
      case 'check':
        // Through a plain object, as a page passes an edited record.
        got = ck.check(registry(c.source).get(c.index), c.options);
        break;
      case 'classify':
        got = ck.classify(registry(c.source).get(c.index), c.options);
        break;
      case 'indicators':
        got = ck.indicators(registry(c.source), c.options);
        break;
      case 'progress':
        got = registry(c.source).progress(c.options);
        break;
      case 'targets':
        got = ck.targets();
        break;
      case 'vocabulary':
        got = { en: ck.vocabulary('en'), vi: ck.vocabulary('vi') };
        break;
      default:
        assert.fail(`unknown call ${c.call}`);
    }
    assert.deepEqual(normal(got), c.expected);
  });
}

// The hostile-input catalogue of tests/bad_inputs/ in Node: each case's
// input, given as a web page gives it (text to Registry.fromJson, the
// three files as bytes to Registry.fromCsv, objects to Registry.fromObject,
// camelCase options to check and indicators), has exactly the case's
// outcome: the error class with every located error, or what is kept and
// rejected. The Rust and Python suites run the same cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as ck from '../pkg/node.js';
import { root } from './helpers.js';

const folder = new URL('tests/bad_inputs/', root);
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const options = (o = {}) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));
const bytes = (v) => (typeof v === 'string' ? new TextEncoder().encode(v) : Uint8Array.from(Buffer.from(v.hex, 'hex')));

function read(c) {
  const o = options(c.options);
  switch (c.read) {
    case 'json':
      return ck.Registry.fromJson(c.input, o);
    case 'csv':
      return ck.Registry.fromCsv(Object.fromEntries(Object.entries(c.input).map(([k, v]) => [k, bytes(v)])), o);
    case 'records':
      return ck.Registry.fromObject(c.input, o);
    case 'check':
      return ck.check(c.input, o);
    case 'indicators':
      return ck.indicators(c.input, o);
    default:
      throw new Error(`unknown read ${c.read}`);
  }
}

function outcome(c) {
  let got;
  try {
    got = read(c);
  } catch (e) {
    if (e instanceof ck.InputError) return { error: { class: 'InputError', errors: e.errors.map((p) => [p.path, p.code]) } };
    if (e instanceof ck.ParameterError) return { error: { class: 'ParameterError', path: e.path } };
    if (e instanceof ck.CoopkitError) return { error: { class: 'CoopkitError', code: e.code } };
    throw e;
  }
  if (!(got instanceof ck.Registry)) return { result: 'ok' };
  try {
    const rejected = got.rejected.map((r) => [r.index, r.id ?? null, r.errors.map((p) => [p.path, p.code])]);
    return { loaded: { accepted: got.ids(), rejected } };
  } finally {
    got.free();
  }
}

let count = 0;
for (const file of files) {
  const { cases } = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
  for (const c of cases) {
    if (c.runtimes && !c.runtimes.includes('js')) continue;
    count += 1;
    test(`${file}: ${c.name}`, () => {
      let expected = c.error ? { error: c.error } : { loaded: c.loaded };
      // Options are named in camelCase in JavaScript, and so are their paths.
      if (expected.error?.class === 'ParameterError') expected = { error: { ...expected.error, path: camel(expected.error.path) } };
      assert.deepEqual(outcome(c), expected);
      // The next call still works.
      assert.equal(ck.Registry.fromObject([{ id: 'A', name: 'x', kind: 'cooperative', sector: 'agriculture' }]).length, 1);
    });
  }
}

test('the folder holds its cases', () => {
  assert.ok(count >= 60, `only ${count} cases`);
});

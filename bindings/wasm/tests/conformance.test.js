// The conformance cases of tests/conformance/ in Node: each case's input
// and options (written in the contract's snake_case, passed as the
// JavaScript API's camelCase) give exactly its `expected` output, the one
// the Rust suite (examples/tests/conformance.rs) holds the core to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as ck from '../pkg/node.js';
import { root } from './helpers.js';

const folder = new URL('tests/conformance/', root);
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const options = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camel(k), v]));
/** JSON values as the Rust JSON text has them: 50.0 and 50 are one number. */
const normal = (v) => JSON.parse(JSON.stringify(v));

let count = 0;
for (const file of files) {
  const { cases } = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
  for (const c of cases) {
    count += 1;
    test(`${file}: ${c.name}`, () => {
      const o = options(c.options);
      let got;
      switch (c.call) {
        case 'check':
          got = ck.check(c.input, o);
          break;
        case 'classify':
          got = ck.classify(c.input, o);
          break;
        case 'on_units': {
          const units = ck.Units.fromCsv(c.units);
          const reg = ck.Registry.fromJson(JSON.stringify(c.input));
          try {
            const { registry, unmapped, changed, districts_removed } = reg.onUnits(units, o);
            got = { cooperatives: JSON.parse(registry.toJson()).cooperatives, unmapped, changed, districts_removed };
            registry.free();
          } finally {
            reg.free();
            units.free();
          }
          break;
        }
        case 'read_units': {
          const units = ck.Units.fromCsv(c.units);
          try {
            got = { ok: ck.Registry.fromJson(JSON.stringify(c.input), { units, unitsAsOf: o.asOf }).ids() };
          } catch (e) {
            if (!(e instanceof ck.InputError)) throw e;
            got = { errors: e.errors.map((p) => [p.path, p.code]) };
          } finally {
            units.free();
          }
          break;
        }
        case 'indicators': {
          const reg = ck.Registry.fromJson(JSON.stringify(c.input));
          try {
            got = reg.indicators(o);
          } finally {
            reg.free();
          }
          break;
        }
        default:
          assert.fail(`unknown call ${c.call}`);
      }
      assert.deepEqual(normal(got), c.expected);
    });
  }
}

test('the conformance folder holds its cases', () => {
  assert.ok(count >= 30, `only ${count} cases`);
});

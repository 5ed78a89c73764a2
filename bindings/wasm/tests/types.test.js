// The package's TypeScript types: the usage file that exercises the whole
// API compiles under `tsc --strict`; each file under fail/ must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./types/', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function compile(file) {
  const dir = mkdtempSync(join(tmpdir(), 'coopkit-tsc-'));
  const base = JSON.parse(readFileSync(join(here, 'tsconfig.json'), 'utf8'));
  base.compilerOptions.paths = { coopkit: [join(here, '../../js/index.d.ts')] };
  base.files = [join(here, file)];
  const config = join(dir, 'tsconfig.json');
  writeFileSync(config, JSON.stringify(base));
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return e.stdout || String(e);
  }
}

test('the declarations have no any', () => {
  for (const f of ['index.d.ts', 'codes.d.ts']) {
    const text = readFileSync(new URL(`../js/${f}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''), /\bany\b/, f);
  }
});

test('the usage file compiles under tsc --strict', () => {
  assert.equal(compile('usage.ts'), '');
});

for (const file of readdirSync(join(here, 'fail'))) {
  test(`fail/${file} does not compile`, () => {
    // The first line names the error expected: `// expect-error TS2322: ...`.
    const want = readFileSync(join(here, 'fail', file), 'utf8').match(/^\/\/ expect-error (TS\d+):/)?.[1];
    assert.ok(want, 'the file says which error it expects');
    const out = compile(`fail/${file}`);
    assert.match(out, new RegExp(`${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error ${want}`), out);
  });
}

// Every function, option and error class of the package, as a Node user
// calls them (the package imported by its path, as `import ... from 'coopkit'`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ck from '../pkg/node.js';
import init from '../pkg/node.js';
import { coop, quangNgai, read, readBytes } from './helpers.js';

const AS_OF = '2024-10-16';

test('init() exists in Node and resolves at once', async () => {
  await init();
  assert.equal(ck.version(), JSON.parse(read('bindings/wasm/js/package.json')).version);
});

test('check: QN14 fails the minimum membership, with citation and both languages', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  const report = ck.check(reg.get('QN14'), { asOf: AS_OF });
  assert.equal(report.ok, false);
  assert.equal(report.law, 'vn-2023');
  assert.equal(report.as_of, AS_OF);
  const failed = report.findings.filter((f) => f.status === 'fail');
  assert.deepEqual(failed.map((f) => f.rule), ['members.minimum']);
  assert.match(failed[0].citation, /^Law 17\/2023\/QH15, Art\. 4/);
  assert.equal(failed[0].required, 5);
  assert.equal(failed[0].comparison, 'at_least');
  assert.match(failed[0].message.vi, /Hợp tác xã/);
  assert.match(failed[0].message.en, /cooperative/);
  reg.free();
});

test('check takes JSON text, a Date, and each law', () => {
  const c = coop();
  const fromText = ck.check(JSON.stringify(c), { asOf: AS_OF });
  assert.deepEqual(ck.check(c, { asOf: new Date('2024-10-16') }), fromText);
  assert.deepEqual(ck.check(c, { asOf: new Date(2024, 9, 16) }), fromText);
  assert.equal(ck.check(c, { law: 'vn-2012', asOf: AS_OF }).law, 'vn-2012');
  assert.equal(ck.check(c, { law: 'vn-2012', asOf: AS_OF }).law_in_force, false);
  // auto: the 2012 law before 1 Jul 2024, the 2023 law from then.
  assert.equal(ck.check(c, { asOf: '2024-06-30' }).law, 'vn-2012');
  assert.equal(ck.check(c, { asOf: '2024-07-01' }).law, 'vn-2023');
  // No asOf: today.
  assert.match(ck.check(c).as_of, /^\d{4}-\d{2}-\d{2}$/);
});

test('classify: size class, ILO type and the four women-managed rules', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  const c = ck.classify(reg.get('QN01'), { asOf: AS_OF });
  assert.equal(c.cooperative, 'QN01');
  assert.equal(c.size_class.class, 'micro');
  assert.deepEqual(
    c.women_managed.map((w) => w.rule),
    ['chair_or_director', 'management_majority', 'women_owned', 'declared'],
  );
  assert.equal(c.women_managed[0].value, true);
  assert.match(c.women_managed[0].reason.vi, /16\/10\/2024/);
  reg.free();
});

test('indicators on a loaded registry and on plain objects agree', () => {
  const text = quangNgai();
  const reg = ck.Registry.fromJson(text);
  const options = { asOf: AS_OF, by: ['sector'], ids: ['members_female_share'] };
  const a = reg.indicators(options);
  const b = ck.indicators(reg, options);
  const c = ck.indicators(JSON.parse(text), options);
  assert.deepEqual(a, b);
  assert.deepEqual(a, c);
  assert.deepEqual(a.by, ['sector']);
  assert.ok(a.rows.every((r) => r.indicator === 'members_female_share' && r.unit === 'percent'));
  const total = ck.indicators(reg, { asOf: AS_OF, ids: 'members_female' }).rows[0];
  assert.equal(total.numerator, a.rows.reduce((s, r) => s + r.numerator, 0));
  reg.free();
});

test('indicators: every option', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  const t = reg.indicators({
    asOf: AS_OF, by: ['kind'], ids: ['women_managed_share'], womenManagedRule: 'management_majority',
    totals: true, minCell: 1,
  });
  assert.equal(t.women_managed_rule, 'management_majority');
  assert.equal(t.min_cell, 1);
  assert.ok(t.rows.some((r) => r.kind === null), 'a margin row');
  const d = reg.indicators({ asOf: AS_OF, ids: ['members'], disaggregate: 'sex' });
  assert.equal(d.disaggregate, 'sex');
  const cats = d.rows.map((r) => r.category);
  assert.deepEqual(cats.slice(0, 3), [null, 'female', 'male']);
  assert.equal(d.rows[0].numerator, d.rows.slice(1).reduce((s, r) => s + r.numerator, 0));
  const byCoop = reg.indicators({ asOf: AS_OF, by: 'cooperative', ids: 'board_female_share' });
  assert.equal(byCoop.rows.length, reg.length);
});

test('progress towards the programme targets, with a baseline', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  const all = ck.targets();
  assert.ok(all.length > 0 && all.every((t) => t.citation.includes(t.id.startsWith('programme.') ? '01/QĐ-TTg' : '28/NQ-CP')));
  const measurable = all.find((t) => t.measure.type === 'indicator');
  assert.ok(measurable);
  const p = reg.progress({ asOf: '2025-12-31', baselines: { [measurable.id]: { date: '2023-01-03', value: 0 } } });
  assert.deepEqual(p.map((x) => x.target), all.map((t) => t.id));
  const mine = p.find((x) => x.target === measurable.id);
  assert.equal(typeof mine.achieved, 'number');
  assert.equal(typeof mine.on_track, 'boolean');
  assert.throws(() => reg.progress({ baselines: { 'no.such.target': { date: AS_OF, value: 1 } } }), ck.ParameterError);
  // Resolution 28: women's share of directors, a percent target met exactly.
  const strategy = p.find((x) => x.target === 'gender_strategy.directors_female.2030');
  assert.equal(strategy.unit, 'percent');
  assert.equal(strategy.achieved, null);
  const row = reg.indicators({ asOf: '2025-12-31', by: 'kind', ids: 'director_female_share' }).rows.find((r) => r.kind === 'cooperative');
  assert.deepEqual([strategy.numerator, strategy.denominator], [row.numerator, row.denominator]);
  assert.equal(strategy.met, 100 * strategy.numerator >= 30 * strategy.denominator);
});

test('Registry: fromJson text and bytes, JSON Lines, CSV strings and bytes, objects', () => {
  const text = quangNgai();
  const a = ck.Registry.fromJson(text);
  const b = ck.Registry.fromJson(new TextEncoder().encode(text));
  assert.equal(a.length, 16);
  assert.deepEqual(b.ids(), a.ids());
  const lines = ck.Registry.fromJsonLines(read('crates/coopkit/tests/data/registry.jsonl'));
  assert.deepEqual(lines.ids(), ['QN-001', 'QN-002', 'QN-003']);
  const dir = 'crates/coopkit/tests/data/csv_registry/';
  const csvText = ck.Registry.fromCsv({
    cooperatives: read(dir + 'cooperatives.csv'), members: read(dir + 'members.csv'), positions: read(dir + 'positions.csv'),
  });
  const csvBytes = ck.Registry.fromCsv({
    cooperatives: readBytes(dir + 'cooperatives.csv'), members: readBytes(dir + 'members.csv'),
    positions: readBytes(dir + 'positions.csv').buffer,
  });
  assert.ok(csvText.length > 0);
  assert.deepEqual(csvBytes.toJson(), csvText.toJson());
  const again = ck.Registry.fromCsv(csvText.toCsv());
  assert.equal(again.toJson(), csvText.toJson());
  const objects = ck.Registry.fromObject(JSON.parse(text));
  assert.equal(objects.toJson(), a.toJson());
  const list = ck.Registry.fromObject(JSON.parse(text).cooperatives);
  assert.equal(list.length, 16);
  assert.equal(a.get(0).id, 'QN01');
  assert.equal(a.get('nope'), undefined);
  assert.deepEqual(a.check({ asOf: AS_OF }).map((r) => r.cooperative), a.ids());
  assert.deepEqual(a.classify({ asOf: AS_OF })[13], ck.classify(a.get(13), { asOf: AS_OF }));
  // A part of the registry at a time.
  assert.deepEqual(a.check({ asOf: AS_OF, offset: 10, limit: 3 }).map((r) => r.cooperative), a.ids().slice(10, 13));
  assert.deepEqual(a.classify({ asOf: AS_OF, offset: 15, limit: 9 }).map((r) => r.cooperative), ['QN16']);
  assert.deepEqual(a.check({ offset: 99 }), []);
});

test('strict reads throw every error of the file; lenient reads keep the valid records', () => {
  const good = coop({ id: 'A' });
  const bad1 = coop({ id: 'B', sector: 'farming' });
  const bad2 = coop({ id: 'C', established: '2024-02-30' });
  const text = JSON.stringify({ cooperatives: [good, bad1, bad2] });
  assert.throws(() => ck.Registry.fromJson(text), ck.InputError);
  let err;
  try { ck.Registry.fromJson(text); } catch (x) { err = x; }
  assert.ok(err instanceof ck.InputError && err instanceof ck.CoopkitError && err instanceof Error);
  assert.deepEqual(err.errors.map((p) => p.path), ['cooperatives[1].sector', 'cooperatives[2].established']);
  assert.equal(err.path, 'cooperatives[1].sector');
  assert.equal(err.code, 'invalid_value');
  assert.match(err.stack, /api\.test\.js/);
  const reg = ck.Registry.fromJson(text, { lenient: true });
  assert.deepEqual(reg.ids(), ['A']);
  assert.deepEqual(reg.rejected.map((r) => [r.index, r.id, r.errors.length]), [[1, 'B', 1], [2, 'C', 1]]);
  // Objects: a value with no JSON form is its record's error, with its path.
  const objs = ck.Registry.fromObject([good, { ...bad1, sector: 'agriculture', members: [{ id: 'x', type: 'individual', joined: () => 1 }] }], { lenient: true });
  assert.equal(objs.length, 1);
  assert.equal(objs.rejected[0].errors[0].path, 'cooperatives[1].members[0].joined');
});

test('an input over maxBytes is refused with the limit named; a wrong maxBytes is a ParameterError', () => {
  const text = JSON.stringify({ cooperatives: [coop({ id: 'A' })] });
  const bytes = new TextEncoder().encode(text).length; // UTF-8 bytes, not UTF-16 units
  assert.equal(ck.Registry.fromJson(text, { maxBytes: bytes }).length, 1);
  assert.throws(() => ck.Registry.fromJson(text, { maxBytes: bytes - 1 }), /more than the limit/);
  assert.throws(() => ck.Registry.fromJson(text, { maxBytes: 10 }), (e) => e instanceof ck.CoopkitError && /more than the limit of 10 bytes/.test(e.message));
  const files = ck.Registry.fromJson(text).toCsv();
  assert.throws(() => ck.Registry.fromCsv(files, { maxBytes: 20 }), (e) => /cooperatives\.csv: \d+ bytes, more than the limit of 20 bytes/.test(e.message));
  assert.throws(() => ck.Registry.fromJson(text, { maxBytes: -1 }), (e) => e instanceof ck.ParameterError && e.path === 'maxBytes');
  assert.equal(ck.Registry.fromJson(text).length, 1); // the next call still works
});

test('every read takes the core limits by their JavaScript names and names the one met', () => {
  assert.deepEqual(ck.limits(), { maxBytes: 2 ** 32, maxRecords: 1e6, maxMembers: 1e6, maxDepth: 64, maxErrors: 1e4 });
  const three = ['A', 'B', 'C'].map((id) => coop({ id }));
  const text = JSON.stringify({ cooperatives: three });
  const files = ck.Registry.fromJson(text).toCsv();
  for (const read of [
    () => ck.Registry.fromJson(text, { maxRecords: 2 }),
    () => ck.Registry.fromJson(text, { maxRecords: 2, lenient: true }),
    () => ck.Registry.fromCsv(files, { maxRecords: 2 }),
    () => ck.Registry.fromObject(three, { maxRecords: 2 }),
  ]) {
    assert.throws(read, (e) => e instanceof ck.InputError && e.errors.length === 1 && e.errors[0].code === 'too_large'
      && ['cooperatives[2]', 'cooperatives.csv:4'].includes(e.errors[0].path) && /max_records/.test(e.message));
  }
  assert.equal(ck.Registry.fromJson(text, { maxRecords: 3 }).length, 3);
  const big = JSON.stringify({ cooperatives: [coop({ id: 'A', members: [1, 2, 3].map((i) => ({ id: `m${i}`, type: 'individual' })) })] });
  assert.throws(() => ck.Registry.fromJson(big, { maxMembers: 2 }), (e) => e.errors[0].path === 'cooperatives[0].members' && e.errors[0].code === 'too_large');
  assert.throws(() => ck.Registry.fromJson('['.repeat(100) + ']'.repeat(100)), (e) => e.errors[0].code === 'too_large' && /maxDepth/.test(e.message));
  let nested = 1;
  for (let i = 0; i < 100; i++) nested = { x: nested };
  assert.throws(() => ck.Registry.fromObject([coop({ id: 'A', extra: nested })]), (e) => e.errors.length === 1 && e.errors[0].code === 'too_large' && e.errors[0].path === `cooperatives[0].${Array(8).fill('<field not shown>').join('.')}…`);
  const bad = JSON.stringify({ cooperatives: Array.from({ length: 30 }, (_, i) => coop({ id: `c${i}`, kind: 'nope' })) });
  assert.throws(() => ck.Registry.fromJson(bad, { maxErrors: 10 }), (e) => e.errors.length === 11 && /20 more errors/.test(e.errors[10].message));
  assert.throws(() => ck.Registry.fromJson(text, { maxRecords: -1 }), (e) => e instanceof ck.ParameterError && e.path === 'maxRecords');
  assert.throws(() => ck.Registry.fromJson(text, { maxRows: 1 }), (e) => e instanceof ck.ParameterError && e.path === 'options' && /maxRecords/.test(e.message));
  assert.equal(ck.Registry.fromJson(text, ck.limits()).length, 3); // the defaults given back are accepted
  // Ten million empty members meet the limit, not the module's memory.
  const huge = '{"cooperatives":[{"id":"a","name":"x","kind":"cooperative","sector":"agriculture","members":[' + Array(1e7).fill('{}').join(',') + ']}]}';
  assert.throws(() => ck.Registry.fromJson(huge), (e) => e.errors[0].path === 'cooperatives[0].members' && e.errors[0].code === 'too_large');
  // An input the module's 4 GiB of memory cannot read is an Error before it is copied in.
  const huge16 = new Uint8Array(1.5 * 2 ** 30);
  assert.throws(() => ck.Registry.fromCsv({ cooperatives: huge16 }), (e) => e instanceof ck.InputError && e.errors[0].path === 'cooperatives' && e.errors[0].code === 'too_large' && /4 GiB/.test(e.message));
  // So do a million and one members given as objects, to check or to load.
  const many = coop({ id: 'A', members: Array(1e6 + 1).fill({ id: 'm', type: 'individual' }) });
  assert.throws(() => ck.check(many, { asOf: '2025-01-01' }), (e) => e instanceof ck.InputError && e.errors[0].path === 'members' && e.errors[0].code === 'too_large');
  assert.throws(() => ck.Registry.fromObject([many]), (e) => e.errors[0].path === 'cooperatives[0].members' && e.errors[0].code === 'too_large');
  assert.equal(ck.Registry.fromJson(text).length, 3); // the next call still works
});

test('errors never quote personal data or the text typed where a code belongs', () => {
  const secret = 'Nguyễn Thị Bí Mật';
  const c = coop({ sector: secret, members: [{ id: 'm1', type: 'individual', birth_date: '31/12/1990', ethnicity: secret }] });
  let err;
  try { ck.check(c, { asOf: AS_OF }); } catch (x) { err = x; }
  assert.ok(err instanceof ck.InputError);
  const all = JSON.stringify([err.message, err.errors]);
  assert.ok(!all.includes(secret) && !all.includes('31/12/1990'), all);
  assert.ok(err.errors.some((p) => p.path === 'members[0].birth_date'));
});

test('amounts: safe integers pass, larger numbers are an input error with the path, BigInt is exact', () => {
  const big = 2 ** 53;
  let err;
  try { ck.check(coop({ charter_capital_vnd: big }), { asOf: AS_OF }); } catch (x) { err = x; }
  assert.ok(err instanceof ck.InputError);
  assert.equal(err.path, 'charter_capital_vnd');
  assert.equal(err.code, 'overflow');
  const exact = ck.check(coop({ charter_capital_vnd: 9007199254740993n }), { asOf: AS_OF });
  assert.equal(exact.cooperative, 'HTX-T');
  // A fraction of a đồng is refused by the core, never rounded.
  assert.throws(() => ck.check(coop({ charter_capital_vnd: 1.5 }), { asOf: AS_OF }), ck.InputError);
  // An amount the core read exactly from text comes back as a BigInt, not rounded.
  const text = JSON.stringify({ cooperatives: [coop({ charter_capital_vnd: 1 })] }).replace('"charter_capital_vnd":1', '"charter_capital_vnd":12345678901234567');
  const reg = ck.Registry.fromJson(text);
  assert.equal(reg.get(0).charter_capital_vnd, 12345678901234567);
});

test('options: names are checked, values parsed by the core, errors name the option', () => {
  const c = coop();
  for (const [options, path] of [
    [{ lawz: 'auto' }, 'options'],
    [{ law: 'vn-2099' }, 'law'],
    [{ asOf: '16/10/2024' }, 'asOf'],
    [{ asOf: 20241016 }, 'asOf'],
  ]) {
    let err;
    try { ck.check(c, options); } catch (x) { err = x; }
    assert.ok(err instanceof ck.ParameterError, JSON.stringify(options));
    assert.equal(err.path, path, JSON.stringify(options));
  }
  const reg = ck.Registry.fromJson(quangNgai());
  for (const [options, path] of [
    [{ by: 'village' }, 'query'],
    [{ ids: ['members', 'nope'] }, 'query'],
    [{ womenManagedRule: 'most' }, 'womenManagedRule'],
    [{ disaggregate: 'age' }, 'disaggregate'],
    [{ minCell: -1 }, 'minCell'],
    [{ totals: 'yes' }, 'totals'],
  ]) {
    let err;
    try { reg.indicators({ asOf: AS_OF, ...options }); } catch (x) { err = x; }
    assert.ok(err instanceof ck.ParameterError, JSON.stringify(options));
    assert.equal(err.path, path, JSON.stringify(options));
  }
  assert.throws(() => ck.Registry.fromJson(quangNgai(), { strict: true }), ck.ParameterError);
  assert.throws(() => ck.Registry.fromCsv({ members: '' }), ck.ParameterError);
  assert.throws(() => ck.check(42), ck.ParameterError);
  assert.throws(() => ck.vocabulary('fr'), ck.ParameterError);
});

test('labels in both languages come from the core; Vietnamese is the default', () => {
  const vi = ck.vocabulary();
  const en = ck.vocabulary('en');
  assert.equal(vi.status.fail, ck.vocabulary('vi').status.fail);
  assert.notEqual(vi.status.fail, en.status.fail);
  assert.equal(en.rule['members.minimum'].length > 0, true);
  assert.equal(ck.format('count', 1234567), '1.234.567');
  assert.equal(ck.format('count', 1234567, undefined, 'en'), '1,234,567');
  assert.equal(ck.format('vnd', 1500000), '1.500.000 đồng');
  assert.equal(ck.format('percent', 3, 10), '30 %');
  assert.equal(ck.format('percent', 1, 3), '33,33 %');
  assert.equal(ck.format('date', '2024-10-16'), '16/10/2024');
  assert.equal(ck.format('date', '2024-10-16', undefined, 'en'), '2024-10-16');
  assert.throws(() => ck.format('percent', 1, 0), ck.ParameterError);
});

test('a panic inside the module is a CoopkitError, and the module keeps working', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  const before = reg.indicators({ asOf: AS_OF });
  for (let i = 0; i < 200; i++) {
    let err;
    try { ck.__panicForTest(); } catch (x) { err = x; }
    assert.ok(err instanceof ck.CoopkitError, String(err));
    assert.equal(err.code, 'internal');
    assert.match(err.message, /internal error in coopkit/);
  }
  assert.deepEqual(reg.indicators({ asOf: AS_OF }), before);
  assert.equal(ck.check(coop(), { asOf: AS_OF }).cooperative, 'HTX-T');
});

test('a released registry cannot be used; free() and dispose release it once', () => {
  const reg = ck.Registry.fromJson(quangNgai());
  assert.equal(reg.length, 16);
  reg.free();
  assert.throws(() => reg.length);
  assert.throws(() => reg.indicators({ asOf: AS_OF }));
  const other = ck.Registry.fromJson(quangNgai());
  other[Symbol.dispose]();
  assert.throws(() => other.ids());
  // Many loads and releases do not grow memory without bound.
  for (let i = 0; i < 50; i++) ck.Registry.fromJson(quangNgai()).free();
  const last = ck.Registry.fromJson(quangNgai());
  assert.equal(last.length, 16);
});

test('a trend: several dates in one indicators call, each equal to the date alone', () => {
  const data = JSON.parse(quangNgai());
  data.cooperatives[0].dissolved = '2025-07-01';
  const reg = ck.Registry.fromObject(data);
  const opts = { ids: ['cooperatives', 'members_female'], by: 'province' };
  const trend = reg.indicators({ ...opts, years: [2023, 2025] });
  assert.deepEqual(trend.dates, ['2023-12-31', '2024-12-31', '2025-12-31']);
  for (const d of trend.dates) {
    const alone = reg.indicators({ ...opts, asOf: d });
    assert.equal(alone.dates, null);
    assert.deepEqual(trend.rows.filter((r) => r.as_of === d).map(({ as_of: _, ...r }) => r), alone.rows);
  }
  const counts = trend.rows.filter((r) => r.indicator === 'cooperatives').map((r) => r.value);
  assert.deepEqual(counts, [16, 16, 15]);
  const listed = reg.indicators({ ...opts, asOf: ['2023-12-31', new Date(Date.UTC(2024, 11, 31)), '2025-12-31'] });
  assert.deepEqual(listed.rows, trend.rows);
  assert.throws(() => reg.indicators({ asOf: ['2024-01-01'], years: [2020, 2021] }), (e) => e instanceof ck.ParameterError && e.path === 'years');
  assert.throws(() => reg.indicators({ asOf: ['2024-01-01', '31/12/2024'] }), (e) => e instanceof ck.ParameterError && e.path === 'asOf[1]' && !e.message.includes('31/12'));
  assert.throws(() => reg.indicators({ years: [2026, 2020] }), ck.ParameterError);
  assert.equal(reg.indicators({ ids: 'cooperatives', asOf: '2024-12-31' }).rows[0].value, 16);
  reg.free();
});

// Codes other than 51 are made up for the test; they are not official.
const UNITS = `code,name,level,kind,parent,valid_from,valid_to,successors,source
51,Quảng Ngãi,province,tinh,,,2025-06-30,QN,test fixture
KT,Kon Tum,province,tinh,,,2025-06-30,QN,test fixture
QN,Quảng Ngãi,province,tinh,,2025-07-01,,,test fixture
C1,Ba Tơ,commune,thi_tran,51,,2025-06-30,N1,test fixture
K1,Sa Thầy,commune,thi_tran,KT,,2025-06-30,N3,test fixture
C4,Ba Thành,commune,xa,51,,2025-06-30,N4;N5,test fixture
N1,Ba Tơ,commune,xa,QN,2025-07-01,,,test fixture
N3,Sa Thầy,commune,xa,QN,2025-07-01,,,test fixture
N4,Ba Vinh,commune,xa,QN,2025-07-01,,,test fixture
N5,Ba Xa,commune,xa,QN,2025-07-01,,,test fixture
`;

const unitCoop = (id, province, commune, members) => ({
  id, name: 'HTX', kind: 'cooperative', sector: 'agriculture', province, district: 'H1', commune, summary: { members },
});

test('administrative units: names, checks on read, a 2024 registry on 2026 units', () => {
  const units = ck.Units.fromCsv(UNITS);
  assert.equal(units.length, 10);
  assert.equal(ck.Units.builtin().length, 1);
  assert.equal(units.name('commune', 'K1', '2025-06-30'), 'Sa Thầy');
  assert.equal(units.name('commune', 'K1', '2025-07-01'), undefined);
  const data = { cooperatives: [unitCoop('a', '51', 'C1', 10), unitCoop('d', 'KT', 'K1', 12), unitCoop('e', '51', 'C4', 9)] };
  const reg = ck.Registry.fromJson(JSON.stringify(data), { units, unitsAsOf: '2024-10-16' });
  const t = reg.indicators({ ids: 'members', by: ['province', 'commune'], asOf: '2024-12-31', units });
  assert.ok(t.rows.some((r) => r.province_name === 'Kon Tum' && r.commune_name === 'Sa Thầy'));
  const { registry, unmapped, districts_removed: removed } = reg.onUnits(units, { from: '2024-12-31', to: '2026-01-01' });
  assert.equal(registry.length, 3);
  assert.equal(removed, 3);
  assert.deepEqual(unmapped.map((u) => [u.id, u.field]), [['e', 'commune']]);
  const after = registry.indicators({ ids: 'members', by: 'province', asOf: '2026-01-01' }).rows;
  assert.deepEqual(after.map((r) => [r.province, r.numerator]), [['QN', 31]]);
  // A 2025 code on a 2024 registry: a located error that does not echo the code.
  data.cooperatives.push(unitCoop('f', '51', 'N1', 5));
  assert.throws(() => ck.Registry.fromJson(JSON.stringify(data), { units, unitsAsOf: '2024-10-16' }),
    (e) => e instanceof ck.InputError && e.path === 'cooperatives[3].commune' && !e.message.includes('N1'));
  const lenient = ck.Registry.fromJson(JSON.stringify(data), { lenient: true, units, unitsAsOf: '2024-10-16' });
  assert.deepEqual(lenient.rejected.map((r) => r.index), [3]);
  assert.throws(() => ck.Registry.fromJson(JSON.stringify(data), { units }), (e) => e instanceof ck.ParameterError && e.path === 'unitsAsOf');
  assert.throws(() => reg.indicators({ units: 'not units' }), (e) => e instanceof ck.ParameterError && e.path === 'units');
  assert.throws(() => ck.Units.fromCsv('code,name,level\nX1,Xã,village\n'), (e) => e instanceof ck.InputError && e.path === 'units.csv:2.level' && !e.message.includes('village'));
  for (const r of [reg, registry, lenient]) r.free();
  units.free();
});

// Every function of the package, as a TypeScript user writes it; must
// compile under `tsc --strict` with no `any` in sight.
import init, {
  check, classify, indicators, vocabulary, targets, format, version, Registry, Units,
  CoopkitError, InputError, ParameterError,
  type CheckReport, type Classification, type CooperativeInput, type Finding, type IndicatorRow,
  type IndicatorTable, type Progress, type Rule, type Status, type Target, type Problem, type Vocabulary,
  type Remapped, type UnitLevel,
} from 'coopkit';

await init();
await init(new URL('./coopkit_bg.wasm', import.meta.url));

const coop: CooperativeInput = {
  id: 'HTX01', name: 'HTX Hoa Sen', kind: 'cooperative', sector: 'agriculture',
  established: new Date('2020-01-01'), charter_capital_vnd: 500_000_000,
  members: [
    { id: 'm1', type: 'individual', sex: 'female', birth_date: '1980-05-01', contributes_capital: true, uses_services: true },
    { id: 'm2', type: 'household', capital_vnd: 12345678901234567n },
  ],
  positions: [{ role: 'board_chair', member: 'm1' }, { role: 'director', sex: 'female' }],
  summary: { members: 2, chair_female: true },
};

const report: CheckReport = check(coop, { law: 'auto', asOf: '2024-10-16' });
const fromText: CheckReport = check(JSON.stringify(coop), { law: 'vn-2012', asOf: new Date() });
const failed: Finding[] = report.findings.filter((f) => f.status === 'fail');
const rules: Rule[] = failed.map((f) => f.rule);
const status: Status = fromText.findings[0]?.status ?? 'pass';
const vi: string = failed[0]?.message.vi ?? '';
if (failed[0]?.required !== undefined && typeof failed[0].required === 'object' && !Array.isArray(failed[0].required)) {
  const range: number = failed[0].required.min + failed[0].required.max;
  void range;
}

const c: Classification = classify(coop, { asOf: '2024-10-16' });
const sizeClass: 'micro' | 'small' | 'medium' | 'large' | null = c.size_class.class;
const managed: boolean | null = c.women_managed.find((w) => w.rule === 'management_majority')?.value ?? null;

const reg = Registry.fromJson('{"cooperatives": []}', { lenient: true });
const csv = Registry.fromCsv({ cooperatives: new Uint8Array(), members: 'id\n', positions: null });
const objects = Registry.fromObject({ cooperatives: [coop] });
const lines = Registry.fromJsonLines(new ArrayBuffer(0));
const n: number = reg.length + csv.length + objects.length + lines.length;
const problems: Problem[] = reg.rejected.flatMap((r) => r.errors);
const ids: string[] = objects.ids();
const first = objects.get('HTX01');
const firstName: string | undefined = first?.name;
const files: { cooperatives: string; members: string; positions: string } = objects.toCsv();
const reports: CheckReport[] = objects.check({ law: 'vn-2023', asOf: '2024-10-16' });
const classes: Classification[] = objects.classify({ asOf: '2024-10-16' });

const table: IndicatorTable = indicators(objects, {
  ids: ['members_female_share', 'board_female_share'], by: ['province', 'sector'], asOf: '2024-10-16',
  womenManagedRule: 'chair_or_director', disaggregate: 'sex', totals: true, minCell: 3,
});
const one: IndicatorTable = indicators({ cooperatives: [coop] }, { ids: 'members', by: 'cooperative' });
const trend: IndicatorTable = objects.indicators({ ids: 'director_female_share', by: 'commune', years: [2020, 2026] });
const trendDates: string[] | null = trend.dates;
const rowDate: string | undefined = trend.rows[0]?.as_of;
const listed: IndicatorTable = objects.indicators({ asOf: ['2024-12-31', new Date()] });
const units: Units = Units.fromCsv('code,name,level\n51,Quang Ngai,province\n');
const named: string | null | undefined = objects.indicators({ by: 'province', units }).rows[0]?.province_name;
const moved: Remapped = objects.onUnits(units, { from: '2024-12-31', to: '2026-01-01' });
const level: UnitLevel | undefined = moved.unmapped[0]?.field;
const checked: Registry = Registry.fromJson('{"cooperatives": []}', { units, unitsAsOf: '2024-10-16' });
const row: IndicatorRow | undefined = table.rows[0];
const province: string | null | undefined = row?.province;
const value: number | null = row?.value ?? null;
const progress: Progress[] = objects.progress({ asOf: '2025-12-31', baselines: { 'programme.x': { date: '2023-01-03', value: 0 } } });
const all: Target[] = targets();
const words: Vocabulary = vocabulary('en');
const failLabel: string = words.status.fail + vocabulary().rule['members.minimum'];
const texts: string[] = [format('count', 1000), format('vnd', 1_500_000, undefined, 'en'), format('percent', 1, 3, 'vi'), format('date', new Date())];

try {
  check('{}');
} catch (e) {
  if (e instanceof InputError) {
    const path: string | null = e.path;
    const list: Problem[] = e.errors;
    const code: 'missing_field' | string = e.code;
    void [path, list, code];
  } else if (e instanceof ParameterError || e instanceof CoopkitError) {
    const m: string = e.message;
    void m;
  }
}

{
  using scoped = Registry.fromJson('{"cooperatives": []}');
  void scoped.length;
}
reg.free();

void [named, level, checked, trendDates, rowDate, listed, fromText, rules, status, vi, sizeClass, managed, n, problems, ids, firstName, files, reports, classes, one, province, value, progress, all, failLabel, texts, version()];

// Types of the npm package `coopkit`. Every code is a string literal union
// generated from the core's code lists (./codes.d.ts); result fields are
// those of the contract's JSON (snake_case), option names are camelCase.

import type {
  CircularType, Comparison, Dimension, Disaggregation, GeneralMeeting, Governance, IloType,
  Indicator, InputErrorCode, Kind, Lang, Law, LawChoice, MemberKind, MemberType, Role, Rule,
  Sector, Sex, SizeClass, SizeStatus, Status, Unit, UnitKind, UnitLevel, Vocabulary, WomenManagedRule,
} from './codes.js';

export type {
  CircularType, Comparison, Dimension, Disaggregation, GeneralMeeting, Governance, IloType,
  Indicator, InputErrorCode, Kind, Lang, Law, LawChoice, MemberKind, MemberType, Role, Rule,
  Sector, Sex, SizeClass, SizeStatus, Status, Term, Unit, UnitKind, UnitLevel, Vocabulary, WomenManagedRule,
} from './codes.js';

/** An ISO date `YYYY-MM-DD`, or a `Date` (its day: UTC at UTC midnight, else local). */
export type DateInput = string | Date;

/** Whole dong (VND): a safe integer, or a `BigInt` / digit string for larger amounts. */
export type Amount = number | bigint | string;

/** A text in both languages. */
export interface Message {
  en: string;
  vi: string;
}

// ---------------------------------------------------------------- input

/** A member, in the interchange format. */
export interface MemberInput {
  id: string;
  type: MemberType;
  sex?: Sex | null;
  birth_date?: DateInput | null;
  /** GSO 2008 code (`"01"` Kinh … `"54"`) or a name. */
  ethnicity?: string | null;
  /** ISO 3166 alpha-2; `VN` when absent. */
  nationality?: string | null;
  investment_certificate?: boolean | null;
  contributes_capital?: boolean;
  uses_services?: boolean;
  contributes_labour?: boolean;
  kind?: MemberKind | null;
  capital_vnd?: Amount | null;
  joined?: DateInput | null;
  left?: DateInput | null;
}

/** A post: held by a member (`member`) or by a non-member (`sex`, `ethnicity`). */
export interface PositionInput {
  role: Role;
  id?: string | null;
  member?: string | null;
  sex?: Sex | null;
  ethnicity?: string | null;
  start?: DateInput | null;
  end?: DateInput | null;
}

/** Counts, for when member lists are not available. */
export interface SummaryInput {
  members?: number | null;
  members_female?: number | null;
  official_members?: number | null;
  official_members_female?: number | null;
  members_minority?: number | null;
  board_seats?: number | null;
  board_female?: number | null;
  chair_female?: boolean | null;
  director_female?: boolean | null;
}

/** A cooperative, cooperative group or union, in the interchange format. */
export interface CooperativeInput {
  id: string;
  name: string;
  kind: Kind;
  sector: Sector;
  province?: string | null;
  district?: string | null;
  commune?: string | null;
  established?: DateInput | null;
  dissolved?: DateInput | null;
  charter_capital_vnd?: Amount | null;
  total_capital_vnd?: Amount | null;
  annual_revenue_vnd?: Amount | null;
  /** The year `annual_revenue_vnd` refers to. */
  annual_revenue_year?: number | null;
  /** The year `total_capital_vnd` refers to. */
  total_capital_year?: number | null;
  governance?: Governance | null;
  general_meeting?: GeneralMeeting | null;
  ilo_type?: IloType | null;
  circular_type?: CircularType | null;
  declared_women_managed?: boolean | null;
  members?: MemberInput[] | null;
  positions?: PositionInput[] | null;
  employees?: { female?: number; male?: number } | null;
  summary?: SummaryInput | null;
}

/** A cooperative as the module returns it (`Registry.get`): dates as ISO strings. */
export type Cooperative = CooperativeInput & {
  established?: string | null;
  dissolved?: string | null;
};

/** `{cooperatives: [...]}`, the JSON form of a registry. */
export interface RegistryInput {
  cooperatives: CooperativeInput[];
}

/** Text or bytes of a file. */
export type FileInput = string | Uint8Array | ArrayBuffer;

/** The three CSV files of a registry (members and positions optional). */
export interface CsvFiles {
  cooperatives: FileInput;
  members?: FileInput | null;
  positions?: FileInput | null;
}

// ---------------------------------------------------------------- options

/** Read options with a unit table: every location code must be a unit valid on `unitsAsOf`. */
export interface UnitReadOptions extends ReadOptions {
  units: Units;
  unitsAsOf: DateInput;
}

export interface ReadOptions {
  /** Keep the valid records and list the others in `rejected` (default: the first bad file throws every error). */
  lenient?: boolean;
  /** The largest input read, in bytes (a JSON text, each CSV file; default 4 GiB): a larger one throws an Error naming the limit. */
  maxBytes?: number;
  /** The most records (cooperatives) in one registry (default 1,000,000). */
  maxRecords?: number;
  /** The most members, and positions, of one cooperative, and items of any JSON array in a record (default 1,000,000). */
  maxMembers?: number;
  /** The deepest nesting of JSON arrays and objects (default 64). */
  maxDepth?: number;
  /** The most errors kept for one read and for one rejected record; the rest are counted in one last error (default 10,000). */
  maxErrors?: number;
}

/** Read options of the three CSV files. */
export interface CsvReadOptions extends ReadOptions {
  /** The character between cells (default `,`): `;` for the files Excel saves in a Vietnamese locale. */
  delimiter?: string;
}

export interface CheckOptions {
  /** `auto` (the default: the law in force on `asOf`), `vn-2012` or `vn-2023`. */
  law?: LawChoice;
  /** The day to check for; today (local) when absent. */
  asOf?: DateInput;
}

export interface ClassifyOptions {
  asOf?: DateInput;
}

export interface IndicatorOptions {
  /** Indicator ids, in output order (default: all). */
  ids?: Indicator | readonly Indicator[];
  /** Grouping dimensions (default: none, one group). */
  by?: Dimension | readonly Dimension[];
  /** One date, or several (a trend: one table whose rows carry `as_of`). */
  asOf?: DateInput | readonly DateInput[];
  /** Name the province, district and commune codes (`province_name`, ...) by these units. */
  units?: Units;
  /** Every 31 December from the first year to the last (a trend); not with a list in `asOf`. */
  years?: readonly [number, number];
  /** The rule for "managed by women" (default `chair_or_director`). */
  womenManagedRule?: WomenManagedRule;
  /** Split member-level indicators by a member attribute. */
  disaggregate?: Disaggregation;
  /** Add margin rows (totals over every subset of `by`). */
  totals?: boolean;
  /** Suppress counts below this cell size. */
  minCell?: number;
}

/** A part of a registry: `limit` cooperatives from position `offset`. */
export interface Part {
  offset?: number;
  limit?: number;
}

export interface Baseline {
  date: DateInput;
  value: number;
}

export interface ProgressOptions {
  asOf?: DateInput;
  womenManagedRule?: WomenManagedRule;
  /** A measured starting point for a target id, to tell whether progress is on track. */
  baselines?: Readonly<Record<string, Baseline>>;
}

// ---------------------------------------------------------------- results

/** A measured or required value: a count, an amount in VND, a percentage, a flag, codes or a range. */
export type FindingValue = number | bigint | boolean | string | string[] | { min: number; max: number };

export interface ParameterUse {
  id: string;
  confirmed: boolean;
  note?: string;
  /** The note in Vietnamese, when the table has one. */
  note_vi?: string;
}

export interface Finding {
  rule: Rule;
  law: Law;
  status: Status;
  /** Law, article, clause. */
  citation: string;
  /** The citation in Vietnamese legal style: `khoan 7 Dieu 4 Luat Hop tac xa so 17/2023/QH15`. */
  citation_vi: string;
  measured?: FindingValue;
  required?: FindingValue;
  comparison?: Comparison;
  parameters?: ParameterUse[];
  /** `cooperative`, or the id of the member or position concerned. */
  subject: string;
  message: Message;
}

export interface CheckReport {
  cooperative: string;
  law: Law;
  as_of: string;
  law_in_force: boolean;
  established_on_as_of: boolean;
  /** The record's `dissolved` date is on or before `as_of`: every finding is not_applicable. */
  dissolved_on_as_of: boolean;
  ok: boolean;
  findings: Finding[];
}

export interface SizeClassResult {
  class: SizeClass | null;
  basis: string;
  reason: Message;
  status: SizeStatus;
  missing?: string[];
}

export interface WomenManaged {
  rule: WomenManagedRule;
  value: boolean | null;
  reason: Message;
}

export interface Classification {
  cooperative: string;
  as_of: string;
  size_class: SizeClassResult;
  ilo_type: IloType | null;
  has_minority_member: boolean | null;
  women_managed: WomenManaged[];
}

/** One indicator in one group; one key per grouping dimension (`null`: the total over it). */
export type IndicatorRow = { [D in Dimension]?: string | null } & {
  /** The row's date, in a table over several dates. */
  as_of?: string;
  /** The units' names of the codes, with `units`. */
  province_name?: string | null;
  district_name?: string | null;
  commune_name?: string | null;
  disaggregation: Disaggregation | null;
  category: string | null;
  indicator: Indicator;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: Unit;
  contributing: number;
  not_contributing: number;
  reason: string | null;
  reason_vi: string | null;
  suppressed: boolean;
};

export interface IndicatorTable {
  /** The date (the first one of a table over several dates). */
  as_of: string;
  /** The dates of a table over several dates, in the order asked; null for one date. */
  dates: string[] | null;
  women_managed_rule: WomenManagedRule;
  by: Dimension[];
  disaggregate: Disaggregation | null;
  min_cell: number | null;
  rows: IndicatorRow[];
}

export type Measure =
  | { type: 'indicator'; indicator: Indicator; kind: Kind | null; note: Message | null }
  | { type: 'not_measurable'; reason: Message };

export interface Target {
  id: string;
  description: Message;
  value: number;
  unit: 'count' | 'percent';
  due: string;
  citation: string;
  /** The citation in Vietnamese legal style. */
  citation_vi: string;
  measure: Measure;
}

export interface Progress {
  target: string;
  as_of: string;
  /** A count target's measured value; null for a percent target (see `share`). */
  achieved: number | null;
  /** A percent target's measured share, numerator / denominator x 100. */
  share: number | null;
  numerator: number | null;
  /** The measure's denominator; null for a count target. */
  denominator: number | null;
  target_value: number;
  unit: 'count' | 'percent';
  /** Reached on `as_of`, decided exactly (27 % is met at exactly 27 %). */
  met: boolean | null;
  progress: number | null;
  expected: number | null;
  on_track: boolean | null;
  not_contributing: number;
  reason: Message | null;
}

/** One located problem. */
export interface Problem {
  /** `cooperatives[3].members[17].birth_date`, `members.csv:42.sex`, ... */
  path: string;
  code: InputErrorCode;
  message: string;
}

export interface Rejected {
  index: number;
  id: string | null;
  errors: Problem[];
}

// ---------------------------------------------------------------- errors

export interface ErrorDetails {
  code?: string;
  path?: string | null;
  errors?: Problem[];
}

/** Any error of coopkit; `code` is `internal` for a bug (a panic caught inside the module). */
export class CoopkitError extends Error {
  constructor(message: string, details?: ErrorDetails);
  readonly code: string;
  readonly path: string | null;
  readonly errors: Problem[];
}

/** Bad input: `errors` lists every problem found, `path` and `code` are the first's. */
export class InputError extends CoopkitError {
  readonly code: InputErrorCode;
}

/** A bad option or argument; `path` names it. */
export class ParameterError extends CoopkitError {}

// ---------------------------------------------------------------- API

/** Checks one cooperative against the law in force on `asOf`. */
export function check(coop: CooperativeInput | string, options?: CheckOptions): CheckReport;

/** Classifies one cooperative: size class, ILO type, minority membership, women-managed under each rule. */
export function classify(coop: CooperativeInput | string, options?: ClassifyOptions): Classification;

/** Indicators over a loaded registry (queried in place) or plain objects. */
export function indicators(registry: Registry | RegistryInput, options?: IndicatorOptions): IndicatorTable;

/** Every label of every code list in `lang` (default `vi`). */
export function vocabulary(lang?: Lang): Vocabulary;

/** The national targets, with how a registry measures each: the 2030 programme's (Decision 01/QD-TTg of 2023) and the gender-equality strategy's (Resolution 28/NQ-CP of 2021). */
export function targets(): Target[];

/** A number, amount, exact share (`value` of `denominator`) or date written the way a reader of `lang` writes it. */
export function format(kind: 'count' | 'vnd', value: number, denominator?: undefined, lang?: Lang): string;
export function format(kind: 'percent', value: number, denominator: number, lang?: Lang): string;
export function format(kind: 'date', value: DateInput, denominator?: undefined, lang?: Lang): string;

/** The package's version. */
export function version(): string;
/** The readers' limits and their defaults (the options of `ReadOptions`). */
export function limits(): Required<Pick<ReadOptions, 'maxBytes' | 'maxRecords' | 'maxMembers' | 'maxDepth' | 'maxErrors'>>;

/** A registry loaded once and queried many times. Release it with `free()` or `using`. */
export class Registry {
  private constructor();
  static fromJson(text: FileInput, options?: ReadOptions | UnitReadOptions): Registry;
  static fromJsonLines(text: FileInput, options?: ReadOptions): Registry;
  static fromCsv(files: CsvFiles, options?: CsvReadOptions | (CsvReadOptions & UnitReadOptions)): Registry;
  static fromObject(registry: RegistryInput | CooperativeInput[], options?: ReadOptions): Registry;
  /** The number of cooperatives. */
  readonly length: number;
  /** The records a lenient read left out, with every error of each. */
  readonly rejected: Rejected[];
  ids(): string[];
  /** One cooperative by id or position; `undefined` when there is none. */
  get(key: string | number): Cooperative | undefined;
  toJson(): string;
  toCsv(): { cooperatives: string; members: string; positions: string };
  /** One report per cooperative; `offset` and `limit` take a part (for registries too large for one result). */
  check(options?: CheckOptions & Part): CheckReport[];
  classify(options?: ClassifyOptions & Part): Classification[];
  indicators(options?: IndicatorOptions): IndicatorTable;
  progress(options?: ProgressOptions): Progress[];
  /** This registry, whose codes are those valid on `from`, put onto the units valid on `to`; every code that cannot be mapped is kept and listed. */
  onUnits(units: Units, options: { from: DateInput; to: DateInput }): Remapped;
  /** Releases the registry's memory; using it afterwards throws. */
  free(): void;
  [Symbol.dispose](): void;
}

/** What `Registry.onUnits` gives. */
export interface Remapped {
  registry: Registry;
  unmapped: Unmapped[];
  changed: number;
  districts_removed: number;
}

/** A location code that could not be put onto the new units (kept as it was). */
export interface Unmapped {
  index: number;
  id: string;
  field: UnitLevel;
  reason: Message;
}

/** One administrative unit of a unit table. */
export interface AdminUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind | null;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successors: string[];
  source: string;
}

/** Administrative units with dates, laid over the built-in ones. */
export class Units {
  private constructor();
  /** A unit table in the core's CSV layout (code,name,level,kind,parent,valid_from,valid_to,successors,source). */
  static fromCsv(text: FileInput): Units;
  /** The built-in units alone. */
  static builtin(): Units;
  /** The name of the unit valid on `asOf` (today by default). */
  name(level: UnitLevel, code: string, asOf?: DateInput): string | undefined;
  readonly length: number;
  entries(): AdminUnit[];
  free(): void;
  [Symbol.dispose](): void;
}

/** Loads the module in a browser (from beside this file, or from `input`); in Node it resolves at once. */
export default function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

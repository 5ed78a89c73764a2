// The offline page: a union officer opens the example province or her own
// files, sees each cooperative's findings with their citations, edits
// members and posts and sees the findings change as she types, and reads
// the province's indicators, charts and programme targets. Every word on
// the page comes from the library (`vocabulary`), every number is written
// by it (`format`): this file holds layout, not language.
import init, { Registry, check, vocabulary, format, targets, InputError, CoopkitError } from './pkg/browser.js';

const $ = (id) => document.getElementById(id);
const state = { lang: 'vi', coops: [], rejected: [], selected: -1, words: null };
// For the page's end-to-end test: the records as edited.
window.__coopkitState = state;
const AS_OF_DEFAULT = '2024-10-16';
const SHOWN = [
  'cooperatives', 'members', 'members_female_share', 'official_members_female_share',
  'board_female_share', 'management_female_share', 'women_managed', 'women_managed_share',
  'coops_with_minority_member_share', 'jobs_female',
];

const w = () => state.words;
const term = (t) => w().term[t] ?? t;
const asOf = () => $('as-of').value || AS_OF_DEFAULT;
const law = () => $('law').value || 'auto';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : String(c));
  return e;
}

function options(list, selected, labels) {
  return Object.keys(labels).filter((k) => !list || list.includes(k))
    .map((k) => el('option', { value: k, selected: k === selected }, labels[k]));
}

// ------------------------------------------------------------------ words

function applyWords() {
  state.words = vocabulary(state.lang);
  document.documentElement.lang = state.lang;
  document.title = term('app_title');
  for (const node of document.querySelectorAll('[data-term]')) node.textContent = term(node.dataset.term);
  const lawSel = $('law');
  const current = lawSel.value || 'auto';
  lawSel.replaceChildren(...options(null, current, w().law_choice));
  const langSel = $('lang');
  langSel.replaceChildren(...options(null, state.lang, w().lang));
}

// ------------------------------------------------------------------ loading

function loaded(registry) {
  state.coops = registry.ids().map((id) => registry.get(id));
  state.rejected = registry.rejected;
  // Every report in one call on the loaded registry; edits re-check one record.
  state.reportsKey = `${law()} ${asOf()}`;
  state.reports = registry.check({ law: law(), asOf: asOf() }).map((report) => ({ report }));
  registry.free();
  state.selected = state.coops.length ? 0 : -1;
  renderAll();
}

const example = () => fetch('./data/quang-ngai-2024.json').then((r) => r.text());

async function openExample(text) {
  loaded(Registry.fromJson(await (text ?? example()), { lenient: true }));
}

async function openFiles(files) {
  try {
    const list = [...files];
    const bytes = async (f) => new Uint8Array(await f.arrayBuffer());
    const csv = (name) => list.find((f) => f.name.toLowerCase() === `${name}.csv`);
    if (csv('cooperatives')) {
      const pick = async (n) => (csv(n) ? bytes(csv(n)) : undefined);
      loaded(Registry.fromCsv(
        { cooperatives: await pick('cooperatives'), members: await pick('members'), positions: await pick('positions') },
        { lenient: true },
      ));
    } else if (list.length === 1) {
      loaded(Registry.fromJson(await bytes(list[0]), { lenient: true }));
    } else {
      throw new CoopkitError(term('open_files'));
    }
  } catch (e) {
    showProblems(e);
  }
}

// ------------------------------------------------------------------ rendering

function showProblems(error) {
  const box = $('problems');
  const items = [];
  if (error instanceof InputError) {
    for (const p of error.errors) items.push(`${p.path}: ${w().input_error_code[p.code] ?? p.code}`);
  } else if (error) {
    items.push(error.message);
  }
  for (const r of state.rejected) {
    for (const p of r.errors) items.push(`${p.path}: ${w().input_error_code[p.code] ?? p.code}`);
  }
  box.hidden = items.length === 0;
  const heading = error ? 'input_errors' : 'rejected';
  box.replaceChildren(el('h2', {}, term(heading)), el('ul', {}, items.map((t) => el('li', {}, t))));
}

function statusBadge(status) {
  return el('span', { class: `status ${status}` }, w().status[status]);
}

/** The report of cooperative `i`, or the InputError its edited record has;
 * kept until an edit, the date or the law changes (`changed()`). */
function reportOf(i) {
  const key = `${law()} ${asOf()}`;
  if (state.reportsKey !== key) {
    state.reports = [];
    state.reportsKey = key;
  }
  if (!state.reports[i]) {
    try {
      state.reports[i] = { report: check(state.coops[i], { law: law(), asOf: asOf() }) };
    } catch (e) {
      state.reports[i] = { error: e };
    }
  }
  return state.reports[i];
}

function changed(i) {
  if (state.reports) state.reports[i] = undefined;
}

function renderList() {
  const head = el('tr', {}, el('th', {}, term('id')), el('th', {}, term('name')), el('th', {}, term('kind')),
    el('th', {}, term('members')), el('th', {}, term('findings')));
  const rows = state.coops.map((c, i) => {
    const { report, error } = reportOf(i);
    const failed = report ? report.findings.filter((f) => f.status === 'fail').length : null;
    const verdict = error ? el('span', { class: 'status fail' }, term('input_errors'))
      : failed ? el('span', { class: 'status fail' }, `${format('count', failed, undefined, state.lang)} ${term('failed')}`)
        : el('span', { class: 'status pass' }, term('no_rule_failed'));
    const members = c.members ? format('count', c.members.length, undefined, state.lang) : '';
    return el('tr', { class: i === state.selected ? 'selected' : '', 'data-id': c.id, onclick: () => select(i) },
      el('td', {}, c.id), el('td', {}, c.name), el('td', {}, w().kind[c.kind] ?? c.kind),
      el('td', { class: 'num' }, members), el('td', {}, verdict));
  });
  $('coops').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

function findingsTable(report) {
  const head = el('tr', {}, el('th', {}, term('status')), el('th', {}, term('rule')), el('th', {}, term('subject')),
    el('th', {}, term('message')), el('th', {}, term('citation')));
  const order = { fail: 0, not_assessable: 1, pass: 2, not_applicable: 3 };
  const rows = [...report.findings].sort((a, b) => order[a.status] - order[b.status]).map((f) =>
    el('tr', { class: `finding ${f.status}`, 'data-rule': f.rule },
      el('td', {}, statusBadge(f.status)), el('td', {}, w().rule[f.rule] ?? f.rule),
      el('td', {}, f.subject === 'cooperative' ? term('cooperative') : f.subject),
      el('td', {}, f.message[state.lang]), el('td', { class: 'citation' }, state.lang === 'vi' ? f.citation_vi : f.citation)));
  return el('table', { class: 'findings' }, el('thead', {}, head), el('tbody', {}, rows));
}

function renderFindings() {
  const i = state.selected;
  const { report, error } = reportOf(i);
  const box = $('findings');
  if (error) {
    const items = (error instanceof InputError ? error.errors : [{ path: '', code: '', message: error.message }])
      .map((p) => el('li', {}, `${p.path}: ${w().input_error_code[p.code] ?? p.message}`));
    box.replaceChildren(el('div', { id: 'edit-errors', class: 'problems' }, el('strong', {}, term('input_errors')), el('ul', {}, items)));
    return;
  }
  box.replaceChildren(findingsTable(report));
}

function cell(input) {
  return el('td', {}, input);
}

function bind(input, set) {
  input.addEventListener('input', () => {
    set(input.type === 'checkbox' ? input.checked : input.value);
    changed(state.selected);
    renderFindings();
    renderList();
    scheduleIndicators();
  });
  return input;
}

function optional(v) {
  return v === '' ? undefined : v;
}

function renderMembers() {
  const c = state.coops[state.selected];
  const members = c.members ?? [];
  const cols = ['id', 'type', 'sex', 'birth_date', 'ethnicity', 'capital_vnd', 'contributes_capital', 'uses_services', 'contributes_labour'];
  const head = el('tr', {}, cols.map((k) => el('th', {}, term(k))), el('th'));
  const rows = members.map((m, j) => el('tr', { 'data-member': m.id },
    cell(bind(el('input', { value: m.id, 'aria-label': term('id') }), (v) => { m.id = v; })),
    cell(bind(el('select', {}, options(null, m.type, w().member_type)), (v) => { m.type = v; })),
    cell(bind(el('select', {}, el('option', { value: '' }, term('unknown')), options(null, m.sex, w().sex)), (v) => { m.sex = optional(v); })),
    cell(bind(el('input', { type: 'date', value: m.birth_date ?? '', 'aria-label': term('birth_date') }), (v) => { m.birth_date = optional(v); })),
    cell(bind(el('input', { value: m.ethnicity ?? '', size: 3, 'aria-label': term('ethnicity') }), (v) => { m.ethnicity = optional(v); })),
    cell(bind(el('input', { type: 'number', min: 0, step: 1, value: m.capital_vnd ?? '', 'aria-label': term('capital_vnd') }),
      (v) => { m.capital_vnd = v === '' ? undefined : Number(v); })),
    ...['contributes_capital', 'uses_services', 'contributes_labour'].map((k) =>
      cell(bind(el('input', { type: 'checkbox', checked: Boolean(m[k]), 'aria-label': term(k) }), (v) => { m[k] = v; }))),
    cell(el('button', { onclick: () => { members.splice(j, 1); c.members = members; changed(state.selected); renderDetail(); } }, term('remove')))));
  $('members').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

function renderPositions() {
  const c = state.coops[state.selected];
  const positions = c.positions ?? [];
  const head = el('tr', {}, el('th', {}, term('role')), el('th', {}, term('held_by')), el('th', {}, term('sex')), el('th'));
  const memberIds = (c.members ?? []).map((m) => m.id);
  const rows = positions.map((p, j) => el('tr', {},
    cell(bind(el('select', {}, options(null, p.role, w().role)), (v) => { p.role = v; })),
    cell(bind(el('select', {}, el('option', { value: '' }, `(${term('not_a_member')})`),
      memberIds.map((id) => el('option', { value: id, selected: id === p.member }, id))), (v) => {
      if (v) { p.member = v; delete p.sex; } else { delete p.member; }
    })),
    cell(bind(el('select', { disabled: Boolean(p.member) }, el('option', { value: '' }, term('unknown')), options(null, p.sex, w().sex)),
      (v) => { p.sex = optional(v); })),
    cell(el('button', { onclick: () => { positions.splice(j, 1); c.positions = positions; changed(state.selected); renderDetail(); } }, term('remove')))));
  $('positions').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

function renderDetail() {
  const c = state.coops[state.selected];
  $('detail').hidden = !c;
  if (!c) return;
  $('detail-title').textContent = `${c.id} · ${c.name}`;
  renderFindings();
  renderList();
  // The tables to edit and the province figures once the findings are on screen.
  clearTimeout(state.pendingTables);
  state.pendingTables = setTimeout(() => {
    renderMembers();
    renderPositions();
  }, 0);
  scheduleIndicators();
}

/** The province figures, after the findings are on screen. */
function scheduleIndicators() {
  clearTimeout(state.pending);
  state.pending = setTimeout(renderIndicators, 0);
}

function select(i) {
  state.selected = i;
  renderDetail();
}

/** The valid records, for the province figures (an edit in progress may be invalid). */
function validCoops() {
  return state.coops.filter((_, i) => !reportOf(i).error);
}

function valueText(row) {
  if (row.suppressed || row.numerator == null) return '–';
  if (row.unit === 'percent' && row.denominator) return format('percent', row.numerator, row.denominator, state.lang);
  if (row.unit === 'count') return format('count', row.numerator, undefined, state.lang);
  return String(row.value ?? '–');
}

function barChart(rows) {
  const width = 460; const bar = 16; const gap = 6; const left = 70; const right = 70;
  const height = rows.length * (bar + gap) + 24;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text != null) n.textContent = text;
    svg.append(n);
    return n;
  };
  const span = width - left - right;
  for (const x of [0, 50, 100]) add('line', { class: 'axis', x1: left + (span * x) / 100, x2: left + (span * x) / 100, y1: 0, y2: height - 18 });
  rows.forEach((r, k) => {
    const y = k * (bar + gap);
    add('text', { x: left - 6, y: y + bar - 4, 'text-anchor': 'end' }, r.cooperative);
    const share = r.value ?? 0;
    add('rect', { class: 'bar-fill', x: left, y, width: Math.max(0, (span * share) / 100), height: bar, 'data-id': r.cooperative });
    add('text', { x: left + (span * share) / 100 + 4, y: y + bar - 4 }, valueText(r));
  });
  for (const x of [0, 50, 100]) {
    add('text', { x: left + (span * x) / 100, y: height - 4, 'text-anchor': 'middle' }, format('percent', x, 100, state.lang));
  }
  return svg;
}

function renderIndicators() {
  const coops = validCoops();
  $('indicators-section').hidden = coops.length === 0;
  if (!coops.length) return;
  const registry = Registry.fromObject(coops);
  try {
    const table = registry.indicators({ asOf: asOf(), ids: SHOWN });
    const head = el('tr', {}, el('th', {}, term('indicators')), el('th', { class: 'num' }, term('value')),
      el('th', { class: 'num' }, term('contributing')));
    $('indicators').replaceChildren(el('thead', {}, head), el('tbody', {}, table.rows.map((r) =>
      el('tr', { 'data-indicator': r.indicator }, el('td', {}, w().indicator[r.indicator]), el('td', { class: 'num' }, valueText(r)),
        el('td', { class: 'num' }, format('count', r.contributing, undefined, state.lang))))));
    const by = registry.indicators({ asOf: asOf(), by: 'cooperative', ids: ['members_female_share', 'board_female_share'] });
    const of = (id) => by.rows.filter((r) => r.indicator === id && r.value != null);
    $('chart-members').replaceChildren(barChart(of('members_female_share')));
    $('chart-board').replaceChildren(barChart(of('board_female_share')));
    renderTargets(registry);
  } finally {
    registry.free();
  }
}

function renderTargets(registry) {
  const progress = registry.progress({ asOf: asOf() });
  const head = el('tr', {}, el('th', {}, term('targets')), el('th', { class: 'num' }, term('target')),
    el('th', {}, term('due')), el('th', { class: 'num' }, term('achieved')), el('th', { class: 'num' }, term('progress')));
  const rows = progress.map((p) => {
    const t = state.targets.get(p.target);
    const value = t.unit === 'percent' ? format('percent', t.value, 100, state.lang) : format('count', t.value, undefined, state.lang);
    let achieved;
    let share;
    if (p.share != null) {
      // A percent target (Resolution 28): the share measured, met exactly or not.
      achieved = `${format('percent', p.numerator, p.denominator, state.lang)} (${format('count', p.numerator, undefined, state.lang)}/${format('count', p.denominator, undefined, state.lang)})`;
      share = term(p.met ? 'target_met' : 'target_not_met');
    } else {
      achieved = p.achieved == null ? (p.reason?.[state.lang] ?? term('not_measurable'))
        : format('count', p.achieved, undefined, state.lang);
      share = p.achieved == null || !t.value ? '–' : format('percent', p.achieved, t.value, state.lang);
    }
    return el('tr', { 'data-target': p.target }, el('td', {}, t.description[state.lang]), el('td', { class: 'num' }, value),
      el('td', {}, format('date', t.due, undefined, state.lang)), el('td', { class: 'num' }, achieved), el('td', { class: 'num' }, share));
  });
  $('targets').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
}

/** For print: every cooperative's failed and unassessable findings. */
function renderAllFindings() {
  const parts = state.coops.map((c, i) => {
    const { report } = reportOf(i);
    if (!report) return null;
    const shown = { ...report, findings: report.findings.filter((f) => f.status === 'fail' || f.status === 'not_assessable') };
    return el('div', { class: 'coop-findings' }, el('h3', {}, `${c.id} · ${c.name}`),
      shown.findings.length ? findingsTable(shown) : el('p', {}, term('no_rule_failed')));
  });
  $('all-findings').replaceChildren(el('h2', {}, term('findings')), ...parts.filter(Boolean));
  $('report-of').textContent = `${term('report_of')} ${format('date', asOf(), undefined, state.lang)}`;
}

function renderAll() {
  showProblems(null);
  $('list-section').hidden = state.coops.length === 0;
  if (state.selected >= 0) {
    renderDetail();
  } else {
    renderList();
    renderIndicators();
  }
}

// ------------------------------------------------------------------ start

async function start() {
  const t0 = performance.now();
  // The example and the module load together.
  const text = example();
  await init();
  state.targets = new Map(targets().map((t) => [t.id, t]));
  applyWords();
  $('lang').addEventListener('change', (e) => { state.lang = e.target.value; applyWords(); renderAll(); });
  $('as-of').addEventListener('change', renderAll);
  $('law').addEventListener('change', renderAll);
  $('open-example').addEventListener('click', () => openExample());
  $('open-files').addEventListener('change', (e) => openFiles(e.target.files));
  $('add-member').addEventListener('click', () => {
    const c = state.coops[state.selected];
    (c.members ??= []).push({ id: `${c.id}-M${String(c.members.length + 1).padStart(3, '0')}`, type: 'individual',
      contributes_capital: true, uses_services: true, contributes_labour: false });
    changed(state.selected);
    renderDetail();
  });
  $('add-position').addEventListener('click', () => {
    const c = state.coops[state.selected];
    (c.positions ??= []).push({ role: 'board_member' });
    changed(state.selected);
    renderDetail();
  });
  $('print').addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', renderAllFindings);
  await openExample(text);
  // Milliseconds since the page began to load, and since this module began.
  document.body.dataset.ready = String(Math.round(performance.now()));
  document.body.dataset.readyModule = String(Math.round(performance.now() - t0));
}

start().catch((e) => {
  document.body.dataset.error = e.message;
  console.error(e);
});

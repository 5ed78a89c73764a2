// The API shared by the Node and browser entries: the module's functions,
// with `indicators(registry, options)` taking a loaded `Registry` or plain
// objects. Everything else is the module's own export.
import * as glue from './glue/coopkit.js';
import { makeError } from './errors.js';

export { CoopkitError, InputError, ParameterError } from './errors.js';
export { vocabulary, targets, format, version, limits } from './glue/coopkit.js';

/** Called once the module is instantiated. */
export function connect() {
  glue.__setErrorFactory(makeError);
}

/**
 * `value` as JSON text when JSON.stringify gives exactly what the module's
 * own conversion would (plain objects, arrays, strings, booleans, null,
 * safe integers and finite numbers); `undefined` when anything needs that
 * conversion (a Date, a BigInt, an unsafe integer, NaN, a function, a
 * Map...), which then reports it by path. Text is the fast way across.
 */
function plainJson(value) {
  let plain = true;
  const text = JSON.stringify(value, function replacer(key, v) {
    const original = key === '' ? value : this[key];
    switch (typeof original) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(original) || (Number.isInteger(original) && !Number.isSafeInteger(original))) plain = false;
        return v;
      case 'object':
        if (original === null || Array.isArray(original)) return v;
        if (Object.getPrototypeOf(original) !== Object.prototype && Object.getPrototypeOf(original) !== null) plain = false;
        else if (typeof original.toJSON === 'function') plain = false;
        return v;
      case 'undefined':
        return v;
      default:
        // A BigInt (which JSON.stringify refuses), a function, a symbol.
        plain = false;
        return null;
    }
  });
  return plain && typeof value === 'object' && value !== null ? text : undefined;
}

/** Checks one cooperative (a plain object or JSON text) against the law in force on `asOf`. */
export function check(coop, options) {
  return glue.check(plainJson(coop) ?? coop, options);
}

/** Classifies one cooperative (a plain object or JSON text) on `asOf`. */
export function classify(coop, options) {
  return glue.classify(plainJson(coop) ?? coop, options);
}

/** `options` without `units`, and the units (the module takes them apart). */
function splitUnits(options) {
  if (options === null || typeof options !== 'object' || !('units' in options)) return [options, undefined];
  const { units, ...rest } = options;
  if (!(units instanceof glue.Units)) {
    throw glue.__unitsExpected();
  }
  return [rest, units];
}

const fromJsonText = glue.Registry.fromJson;
const fromCsvFiles = glue.Registry.fromCsv;

/** From `{"cooperatives": [...]}` or JSON Lines; with `{units, unitsAsOf}` the codes are checked. */
glue.Registry.fromJson = function fromJson(text, options) {
  const [rest, units] = splitUnits(options);
  return units ? glue.Registry.__fromJsonUnits(text, rest, units) : fromJsonText(text, rest);
};

/** From the three CSV files; with `{units, unitsAsOf}` the codes are checked. */
glue.Registry.fromCsv = function fromCsv(files, options) {
  const [rest, units] = splitUnits(options);
  return units ? glue.Registry.__fromCsvUnits(files, rest, units) : fromCsvFiles(files, rest);
};

const query = glue.Registry.prototype.indicators;

/** Indicators; with `{units}` the location codes are named. */
glue.Registry.prototype.indicators = function indicators(options) {
  const [rest, units] = splitUnits(options);
  return units ? this.__indicatorsUnits(rest, units) : query.call(this, rest);
};

const fromObjects = glue.Registry.fromObject;

/** From plain objects: `{cooperatives: [...]}` or an array of cooperatives. */
glue.Registry.fromObject = function fromObject(registry, options) {
  const list = Array.isArray(registry) ? registry : registry?.cooperatives;
  const text = Array.isArray(list) ? plainJson({ cooperatives: list }) : undefined;
  return text === undefined ? fromObjects(registry, options) : glue.Registry.fromJson(text, options);
};

export const Registry = glue.Registry;
export const Units = glue.Units;

/**
 * Indicators over `registry`: a loaded `Registry` (queried in place) or a
 * plain `{cooperatives: [...]}` (loaded for this call, then released).
 */
export function indicators(registry, options) {
  if (registry instanceof glue.Registry) return registry.indicators(options);
  const loaded = glue.Registry.fromObject(registry);
  try {
    return loaded.indicators(options);
  } finally {
    loaded.free();
  }
}

/** For the package's tests: a deliberate panic inside the module. */
export const __panicForTest = glue.__panicForTest;

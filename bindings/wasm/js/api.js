// The API shared by the Node and browser entries: the module's functions,
// with `indicators(registry, options)` taking a loaded `Registry` or plain
// objects. Everything else is the module's own export.
import * as glue from './glue/coopkit.js';
import { makeError } from './errors.js';

export { CoopkitError, InputError, ParameterError } from './errors.js';
export { Registry, check, classify, vocabulary, targets, format, version } from './glue/coopkit.js';

/** Called once the module is instantiated. */
export function connect() {
  glue.__setErrorFactory(makeError);
}

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

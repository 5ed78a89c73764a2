// The error classes of the package. The module builds them through
// `makeError`, which it is given at start-up, so every error it throws is a
// real `Error` with a stack and `instanceof` works.

/** Any error of coopkit. `code` is a stable code (`internal` for a bug). */
export class CoopkitError extends Error {
  constructor(message, { code = 'error', path = null, errors = [] } = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.path = path;
    this.errors = errors;
  }
}

/** Bad input data: `errors` lists every problem found, each `{path, code, message}`. */
export class InputError extends CoopkitError {}

/** A bad option or argument; `path` names it. */
export class ParameterError extends CoopkitError {}

const classes = { CoopkitError, InputError, ParameterError };

/** Called by the module: `(kind, message, code, path, errors) => Error`. */
export function makeError(kind, message, code, path, errors) {
  const Class = classes[kind] ?? CoopkitError;
  // The module's and the glue's frames come first: keep enough frames to
  // reach the caller's code.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(limit ?? 10, 50);
  try {
    return new Class(message, { code, path, errors });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// Browser entry: `await init()` (the default export) fetches and
// instantiates the module once, from beside this file or from `input` (a
// URL, a Response, bytes or a compiled WebAssembly.Module).
import glueInit from './glue/coopkit.js';
import { connect } from './api.js';

export * from './api.js';

let ready;

export default function init(input) {
  ready ??= glueInit({ module_or_path: input ?? new URL('./glue/coopkit_bg.wasm', import.meta.url) }).then(() => {
    connect();
  });
  return ready;
}

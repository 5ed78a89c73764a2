// Node entry: the module is read from disk and instantiated on import; no
// initialisation is needed (`init()` exists and resolves at once). Node gets
// the module built for speed (`coopkit_bg.node.wasm`, opt-level 3); pages
// get the small one. Same code, same glue, same answers.
import { readFileSync } from 'node:fs';
import { initSync } from './glue/coopkit.js';
import { connect } from './api.js';

initSync({ module: readFileSync(new URL('./glue/coopkit_bg.node.wasm', import.meta.url)) });
connect();

export * from './api.js';

/** Nothing to do in Node; for code shared with browsers. */
export default async function init() {}

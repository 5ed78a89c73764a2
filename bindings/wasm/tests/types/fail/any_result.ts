// expect-error TS2551: results are typed, not any (a field that does not exist)
import { check } from 'coopkit';
const r = check('{}');
console.log(r.finding);

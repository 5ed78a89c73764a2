// expect-error TS2367: comparing a status with a value it never has
import { check } from 'coopkit';
const r = check('{}');
if (r.findings[0]?.status === 'failed') console.log('never');

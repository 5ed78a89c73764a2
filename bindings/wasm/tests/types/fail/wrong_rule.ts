// expect-error TS2820: a rule id that does not exist
import { check, type Rule } from 'coopkit';
const r: Rule = 'members.maximum';
void [r, check];

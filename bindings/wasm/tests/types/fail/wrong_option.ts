// expect-error TS2561: an option name that does not exist (asof for asOf)
import { check } from 'coopkit';
check({ id: 'a', name: 'A', kind: 'union', sector: 'agriculture' }, { asof: '2024-10-16' });

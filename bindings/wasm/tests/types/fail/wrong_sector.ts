// expect-error TS2322: a sector outside the code list
import { classify } from 'coopkit';
classify({ id: 'a', name: 'A', kind: 'cooperative', sector: 'farming' });

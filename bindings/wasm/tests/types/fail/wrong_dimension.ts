// expect-error TS2322: a grouping dimension that does not exist
import { indicators } from 'coopkit';
indicators({ cooperatives: [] }, { by: ['village'] });

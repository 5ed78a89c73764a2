// Shared by the Node tests: the built package and the repository's data.
import { readFileSync } from 'node:fs';

export const root = new URL('../../../', import.meta.url);
export const pkg = new URL('../pkg/', import.meta.url);
export const read = (path) => readFileSync(new URL(path, root), 'utf8');
export const readBytes = (path) => new Uint8Array(readFileSync(new URL(path, root)));
export const quangNgai = () => read('examples/data/quang-ngai-2024.json');

/** A minimal valid cooperative, to vary in tests. */
export function coop(overrides = {}) {
  return {
    id: 'HTX-T',
    name: 'HTX thử',
    kind: 'cooperative',
    sector: 'agriculture',
    members: Array.from({ length: 6 }, (_, i) => ({
      id: `m${i}`,
      type: 'individual',
      sex: i % 2 ? 'male' : 'female',
      birth_date: '1980-01-01',
      contributes_capital: true,
      uses_services: true,
      contributes_labour: false,
    })),
    ...overrides,
  };
}

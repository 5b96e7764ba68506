import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { memorySource } from '../../support/memory-source';
import { CLEAN_WRITE, randomData, randomStyle, writeData } from '../../support/random-data';

const load = (files: ReadonlyMap<string, Uint8Array>) =>
  loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });

describe('any valid data set, saved any way offices save it, loads as the clean UTF-8 files do', () => {
  it('random data sets in random encodings, separators, line ends, Unicode forms and formats', () => {
    fc.assert(
      fc.property(randomData, randomStyle, (data, style) => {
        const clean = load(writeData(data, CLEAN_WRITE));
        expect(clean.issues).toEqual([]);
        const saved = load(writeData(data, style));
        expect(saved.issues.filter((i) => i.code !== 'encoding' || i.level !== 'warning')).toEqual([]);
        expect(saved.dataset).toEqual(clean.dataset);
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadResult } from '../../../src/lib/data/load';
import { memorySource, readFolder } from '../../support/memory-source';
import { rewriteFiles, type Rewrite } from '../../support/rewrite-data';

// The default data, re-saved the ways Vietnamese offices really save it, must give exactly the same dataset.
const clean = readFolder('data');
const load = (files: ReadonlyMap<string, Uint8Array>): LoadResult =>
  loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
const reference = load(clean);

const VARIANTS: [string, Rewrite][] = [
  ['UTF-8 with a BOM (Excel "CSV UTF-8")', { encoding: 'utf-8-bom' }],
  [
    'UTF-16 LE with a BOM, tab-separated (Excel "Unicode Text")',
    { encoding: 'utf-16le', csv: { separator: '\t', lineEnd: '\r\n' } },
  ],
  ['UTF-16 BE with a BOM', { encoding: 'utf-16be' }],
  [
    'Windows-1258, ";"-separated, CRLF (Excel "CSV" on Vietnamese Windows)',
    { encoding: 'windows-1258', csv: { separator: ';', lineEnd: '\r\n' } },
  ],
  ['";" as the separator', { csv: { separator: ';' } }],
  ['tab as the separator', { csv: { separator: '\t' } }],
  ['CRLF between rows and LF inside cells', { csv: { lineEnd: '\r\n', cellLineEnd: '\n' } }],
  ['CRLF inside quoted cells too', { csv: { lineEnd: '\r\n', cellLineEnd: '\r\n' } }],
  ['every cell in quotes', { csv: { quoteAll: true } }],
  [
    'trailing blank lines and empty columns (Excel ";;;")',
    { csv: { separator: ';', trailingEmpty: 3, trailingBlank: 3 } },
  ],
  ['decomposed Unicode (NFD)', { form: 'NFD' }],
  ['a mix of NFC and NFD', { form: 'mixed' }],
  ['stray spaces and non-breaking spaces around values', { csv: { padValues: true } }],
  ['header names in capitals', { csv: { headerCase: 'upper' } }],
  ['header names capitalised', { csv: { headerCase: 'title' } }],
  ['JSON keys in capitals with stray spaces', { shoutJsonKeys: true }],
  [
    'everything at once',
    {
      encoding: 'utf-16le',
      form: 'NFD',
      shoutJsonKeys: true,
      csv: {
        separator: ';',
        lineEnd: '\r\n',
        cellLineEnd: '\r\n',
        trailingEmpty: 2,
        trailingBlank: 2,
        headerCase: 'upper',
        padValues: true,
      },
    },
  ],
];

describe('data files as offices really save them', () => {
  it('the clean default data loads without problems', () => {
    expect(reference.issues).toEqual([]);
    expect(reference.dataset?.plans[0]?.tasks).toHaveLength(12);
  });

  it.each(VARIANTS)('%s gives the same dataset as the clean files', (_, how) => {
    const files = rewriteFiles(clean, how)!;
    const result = load(files);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.dataset).toEqual(reference.dataset);
  });

  it('says which encoding it assumed for each Windows-1258 file, as a warning', () => {
    const result = load(rewriteFiles(clean, { encoding: 'windows-1258' })!);
    const warned = result.issues.filter((i) => i.code === 'encoding' && i.level === 'warning').map((i) => i.file);
    expect(warned.sort()).toEqual([...clean.keys()].sort());
    expect(result.issues[0]?.message).toMatch(/Windows-1258/);
  });

  it('does not warn about a UTF-8 BOM or UTF-16 with a BOM (nothing was assumed)', () => {
    expect(load(rewriteFiles(clean, { encoding: 'utf-8-bom' })!).issues).toEqual([]);
    expect(load(rewriteFiles(clean, { encoding: 'utf-16le' })!).issues).toEqual([]);
  });

  it('keeps the paragraphs and list items of Markdown fields', () => {
    const plan = reference.dataset!.plans[0]!;
    expect(plan.tasks[0]!.content.split('\n\n')).toHaveLength(3);
    expect(plan.sections[0]!.summary).toMatch(/^### 1\. Mục đích\n\n- Khắc phục/);
  });
});

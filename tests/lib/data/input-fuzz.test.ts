import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { formatIssue, hasErrors, type DataIssue } from '../../../src/lib/data/problems';
import { memorySource, readFolder } from '../../support/memory-source';

// Damaged files (random bytes, flipped bytes, stray quotes and separators, cut-off files) must give problems that
// say where they are, never an exception or a hang.
const clean = readFolder('data');
const paths = [...clean.keys()];
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Problems about a whole file rather than a row: the only CSV problems allowed to lack a line. */
const FILE_LEVEL = new Set(['missing-file', 'duplicate-table', 'file-too-large']);

const SNIPPETS = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u0007',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '../',
  '/',
  '\ufeff',
  'é'.normalize('NFD'),
  '\u00a0',
  'null',
  '1e999',
  '-',
  '=cmd',
  '<script>',
];

type Edit = (bytes: Uint8Array) => Uint8Array;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const at = (bytes: Uint8Array, n: number) => (bytes.length === 0 ? 0 : n % (bytes.length + 1));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map(
    (random): Edit =>
      () =>
        random,
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, b]): Edit => (bytes) => {
    const out = bytes.slice();
    if (out.length > 0) out[n % out.length] = b;
    return out;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)).map(([n, s]): Edit => (bytes) => {
    const i = at(bytes, n);
    return concat(bytes.subarray(0, i), utf8(s), bytes.subarray(i));
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 400 })).map(([n, len]): Edit => (bytes) => {
    const i = at(bytes, n);
    return concat(bytes.subarray(0, i), bytes.subarray(i + len));
  }),
  fc.nat().map(
    (n): Edit =>
      (bytes) =>
        bytes.subarray(0, at(bytes, n)),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 300 })).map(([n, len]): Edit => (bytes) => {
    const i = at(bytes, n);
    return concat(bytes.subarray(0, i + len), bytes.subarray(i));
  }),
);

const damage = fc.array(fc.tuple(fc.constantFrom(...paths), fc.array(edit, { minLength: 1, maxLength: 4 })), {
  minLength: 1,
  maxLength: 3,
});

function checkProblems(files: ReadonlyMap<string, Uint8Array>, issues: DataIssue[]): void {
  for (const issue of issues) {
    expect(issue.file).toMatch(/^data\//);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(issue.level);
    expect(formatIssue(issue).startsWith(`${issue.file}:`)).toBe(true);
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
      expect(issue.line).toBeLessThanOrEqual((files.get(issue.file)?.length ?? 0) + 1);
    }
    const fileLevel = FILE_LEVEL.has(issue.code) || (issue.code === 'encoding' && issue.level === 'warning');
    if (issue.file.endsWith('.csv') && !fileLevel)
      expect(issue, formatIssue(issue)).toHaveProperty('line', expect.any(Number));
  }
}

function loadDamaged(changes: [string, Edit[]][]) {
  const files = new Map(clean);
  for (const [path, edits] of changes)
    files.set(
      path,
      edits.reduce((bytes, e) => e(bytes), files.get(path)!),
    );
  const result = loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
  return { files, ...result };
}

describe('damaged data files give located problems, never an exception', () => {
  it('random mutations of the default data', () => {
    fc.assert(
      fc.property(damage, (changes) => {
        const { files, dataset, issues } = loadDamaged(changes);
        checkProblems(files, issues);
        expect(dataset === undefined).toBe(hasErrors(issues));
      }),
      { numRuns: 150 },
    );
  });

  it('whole files of random bytes, in every file at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 2000 }), { minLength: paths.length, maxLength: paths.length }),
        (randoms) => {
          const files = new Map(paths.map((p, i) => [p, randoms[i]!]));
          const { issues, dataset } = loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
          checkProblems(files, issues);
          expect(dataset).toBeUndefined();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('missing files and a table in both CSV and JSON', () => {
    const files = new Map(clean);
    files.delete('data/units.csv');
    files.delete('data/plans/2024-khac-phuc/plan.json');
    files.set('data/leaders.json', utf8('[]'));
    const { issues } = loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
    expect(issues.map(formatIssue)).toEqual([
      'data/units.csv: is missing (expected data/units.csv, data/units.json or data/units.xlsx)',
      'data/leaders.csv: and data/leaders.json both exist; keep one of them',
      'data/plans/2024-khac-phuc/plan.json: is missing (expected {"year", "title", "sections": [...]})',
    ]);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/csv';
import { makeRefId, makeShortName } from '../../../src/lib/import/add-refs';
import { loadDataset } from '../../../src/lib/data/load';
import { memorySource } from '../../support/memory-source';
import { makeRequest, runImport, type ImportEffects, type ImportRequest } from '../../../src/lib/import/run';
import { fixture } from '../../fixtures/import/fixtures';

/** Files in memory, and the effects a run reads and writes them through. */
function memory(files: Record<string, string>): {
  files: Record<string, string>;
  writes: string[][];
  effects: ImportEffects;
} {
  const writes: string[][] = [];
  const effects: ImportEffects = {
    readText: (path) => files[path],
    exists: (path) => path in files,
    writeFiles(list) {
      writes.push(list.map((f) => f.path));
      for (const f of list) files[f.path] = f.text;
    },
  };
  return { files, writes, effects };
}

const seedFiles = () => ({
  'plan.txt': fixture('seed-plan.txt'),
  'data/units.csv': fixture('units.csv'),
  'data/leaders.csv': fixture('leaders.csv'),
});
const request: ImportRequest = { input: 'plan.txt', planId: '2024-seed', dataDir: 'data', force: false };

describe('runImport', () => {
  it('writes plan.json and tasks.csv into data/plans/<id>/ and prints what it found', () => {
    const { files, writes, effects } = memory(seedFiles());
    const outcome = runImport(request, effects);
    expect(outcome.code).toBe(0);
    expect(writes).toEqual([['data/plans/2024-seed/plan.json', 'data/plans/2024-seed/tasks.csv']]);
    expect(JSON.parse(files['data/plans/2024-seed/plan.json']!).sections).toHaveLength(6);
    const csv = files['data/plans/2024-seed/tasks.csv']!;
    expect(
      csv.startsWith('id,section,title,content,directed_by,lead_units,support_units,timeline,due\nII.1.a,II.1,'),
    ).toBe(true);
    const { table, issues } = parseCsv('tasks.csv', csv);
    expect(issues).toEqual([]);
    expect(table.rows.map((r) => r.cells.id)).toHaveLength(12);
    expect(outcome.out[0]).toBe(
      'Read plan.txt: 6 section(s), 12 task(s); plan year 2024 (read from the timelines; use --year to change it).',
    );
    expect(outcome.out).toContain(
      '  II.3.c | Tham muu UBND tinh: (1) Sva d6i Quyét dinh sb 1179/Qb-UBND ngay 21/12… | tt-pvhcc                                     | 2024-Q2;2024-Q3;2024-Q4',
    );
    expect(outcome.out.at(-2)).toBe('Wrote data/plans/2024-seed/plan.json and data/plans/2024-seed/tasks.csv.');
  });

  it.each(['plan.json', 'tasks.csv'])('refuses to overwrite an existing %s, writing nothing', (name) => {
    const { files, writes, effects } = memory({ ...seedFiles(), [`data/plans/2024-seed/${name}`]: 'kept' });
    const outcome = runImport(request, effects);
    expect(outcome).toEqual({
      code: 1,
      out: [],
      err: [`error: refusing to overwrite data/plans/2024-seed/${name}; add --force to replace it`],
    });
    expect(writes).toEqual([]);
    expect(files[`data/plans/2024-seed/${name}`]).toBe('kept');
  });

  it('overwrites with --force', () => {
    const { files, effects } = memory({
      ...seedFiles(),
      'data/plans/2024-seed/plan.json': 'old',
      'data/plans/2024-seed/tasks.csv': 'old',
    });
    expect(runImport({ ...request, force: true }, effects).code).toBe(0);
    expect(files['data/plans/2024-seed/plan.json']).toContain('"year": 2024');
    expect(files['data/plans/2024-seed/tasks.csv']).toContain('II.3.d');
  });

  it('reads units and leaders given as JSON arrays', () => {
    const units = parseCsv('u', fixture('units.csv')).table.rows.map((r) => r.cells);
    const leaders = parseCsv('l', fixture('leaders.csv')).table.rows.map((r) => r.cells);
    const { files, effects } = memory({
      'plan.txt': fixture('seed-plan.txt'),
      'data/units.json': JSON.stringify(units),
      'data/leaders.json': JSON.stringify(leaders),
    });
    expect(runImport(request, effects).code).toBe(0);
    expect(files['data/plans/2024-seed/tasks.csv']).toContain('II.2.b,II.2,');
    expect(files['data/plans/2024-seed/tasks.csv']).toContain(',pcvp-ban-tcd,ban-tcd,,');
  });

  it('flags every name when there is no units or leaders table, and says so', () => {
    const { files, effects } = memory({ 'plan.txt': fixture('labels-plan.txt') });
    const outcome = runImport(request, effects);
    expect(outcome.code).toBe(0);
    expect(outcome.err).toEqual([
      'warning: no data/units.csv or units.json: every unit name is written as "?name"',
      'warning: no data/leaders.csv or leaders.json: every leader name is written as "?name"',
      'warning: no data/unit-groups.csv: only "các phòng, ban, đơn vị" is read as every unit',
    ]);
    expect(files['data/plans/2024-seed/tasks.csv']).toContain(
      ',?Chánh Văn phòng,?Phòng Tổng hợp,?Phòng Tài vụ;?Ban Tiếp công dân tỉnh,',
    );
    expect(outcome.out).toContain('  unit "Phòng Tài vụ": II.1.a');
  });

  it('writes nothing (2) for a text with no tasks', () => {
    const { writes, effects } = memory({ 'plan.txt': 'Biên bản họp ngày 5/3/2024\n\nCác ý kiến thảo luận.' });
    expect(runImport(request, effects)).toMatchObject({
      code: 2,
      err: expect.arrayContaining([
        'error: plan.txt: has no part numbered "I." (expected I., II., III. headings); nothing written',
      ]),
    });
    expect(writes).toEqual([]);
  });

  it('is a usage error (2) when the text file does not exist', () => {
    const { effects } = memory({});
    expect(runImport(request, effects).code).toBe(2);
  });
});

describe('makeRequest', () => {
  it.each([
    [{ id: '2024-x' }, 'missing the plan text file'],
    [{ input: 'a.txt' }, 'missing --id <plan-id>'],
    [
      { input: 'a.txt', id: 'Kế hoạch' },
      '--id "Kế hoạch" is not a plan id (expected lowercase letters, digits and "-", like "2024-khac-phuc")',
    ],
    [{ input: 'a.txt', id: 'x', year: '24' }, '--year "24" is not a year (expected four digits, like 2024)'],
  ])('%j → %s', (values, message) => {
    expect(makeRequest(values)).toEqual({ ok: false, message });
  });

  it('defaults --data to data and drops a trailing slash', () => {
    expect(makeRequest({ input: 'a.txt', id: 'x' })).toEqual({
      ok: true,
      request: { input: 'a.txt', planId: 'x', year: undefined, dataDir: 'data', force: false },
    });
    expect(makeRequest({ input: 'a.txt', id: 'x', year: '2025', data: 'tmp/data/', force: true })).toEqual({
      ok: true,
      request: { input: 'a.txt', planId: 'x', year: 2025, dataDir: 'tmp/data', force: true },
    });
  });
});

describe('npm run import (the command line)', () => {
  const root = mkdtempSync(join(tmpdir(), 'import-cli-'));
  const data = join(root, 'data');
  mkdirSync(data);
  copyFileSync(new URL('../../fixtures/import/units.csv', import.meta.url), join(data, 'units.csv'));
  copyFileSync(new URL('../../fixtures/import/leaders.csv', import.meta.url), join(data, 'leaders.csv'));
  const plan = join(root, 'plan.txt');
  writeFileSync(plan, fixture('seed-plan.txt'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const tsx = new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
    const script = new URL('../../../scripts/import.ts', import.meta.url).pathname;
    return spawnSync(process.execPath, [tsx, script, ...args], { encoding: 'utf8', cwd: root });
  };

  it.each([[['plan.txt']], [['plan.txt', '--id', 'x', '--colour']], [['a.txt', 'b.txt', '--id', 'x']]])(
    'exits 2 on a usage error: %j',
    (args) => {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: npm run import -- <plan.docx|plan.pdf|plan.txt> --id <plan-id>');
    },
  );

  it('writes the files (via temp files renamed into place), then refuses to overwrite them (1) unless --force', () => {
    const dir = join(data, 'plans', '2024-seed');
    const first = run('plan.txt', '--id', '2024-seed', '--data', 'data');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('12 task(s)');
    expect(readdirSync(dir).sort()).toEqual(['plan.json', 'tasks.csv']);
    writeFileSync(join(dir, 'plan.json'), 'edited by a person');
    const second = run('plan.txt', '--id', '2024-seed', '--data', 'data');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('refusing to overwrite');
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('edited by a person');
    const forced = run('plan.txt', '--id', '2024-seed', '--data', 'data', '--force');
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).year).toBe(2024);
    expect(readdirSync(dir).sort()).toEqual(['plan.json', 'tasks.csv']);
  });
});

describe('--add-units', () => {
  it('adds every name that matches nothing, and the plan then passes npm run validate', () => {
    const { files, effects } = memory({
      'plan.txt': fixture('appendix-plan.txt'),
      'data/site.json': fixture('site.json'),
      'data/units.csv': fixture('units.csv'),
      'data/leaders.csv': fixture('leaders.csv'),
      'data/unit-groups.csv': fixture('unit-groups.csv'),
    });
    const outcome = runImport({ ...request, planId: '2025-chi-thi', addUnits: true }, effects);
    expect(outcome.code).toBe(0);
    const added = outcome.out.slice(
      outcome.out.indexOf('Added (--add-units):') + 1,
      outcome.out.indexOf('Added (--add-units):') + 6,
    );
    expect(added).toEqual([
      '  data/units.csv: so-vhttdl "Sở Văn hóa, Thể thao và Du lịch" (Sở VHTTDL)',
      '  data/units.csv: so-tu-phap "Sở Tư pháp"',
      '  data/units.csv: so-nnmt "Sở Nông nghiệp và Môi trường" (Sở NNMT)',
      '  data/units.csv: so-tai-chinh "Sở Tài chính"',
      '  data/units.csv: so-noi-vu "Sở Nội vụ"',
    ]);
    expect(files['data/units.csv']).toContain('\nso-nnmt,Sở Nông nghiệp và Môi trường,Sở NNMT\n');
    const issues = loadDataset(memorySource(files), { root: 'data', buildDate: '2026-01-01' }).issues;
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });
});

describe('ids and short names for new units and leaders', () => {
  it.each([
    ['Sở Nông nghiệp và Môi trường', 'so-nnmt', 'Sở NNMT'],
    ['Sở Tài chính', 'so-tai-chinh', 'Sở Tài chính'],
    ['UBND phường Nghĩa Lộ', 'ubnd-phuong-nghia-lo', 'UBND phường Nghĩa Lộ'],
    ['Ủy ban nhân dân tỉnh', 'ubnd', 'Ủy ban nhân dân tỉnh'],
    ['Công an tỉnh', 'ca', 'Công an tỉnh'],
    ['P.QLCN', 'p-qlcn', 'P.QLCN'],
    ['Trung tâm Phục vụ hành chính công tỉnh', 'tt-pvhcc', 'TT PVHCC'],
  ])('%s → %s, %s', (name, id, short) => {
    expect(makeRefId(name, new Set())).toBe(id);
    expect(makeShortName(name)).toBe(short);
  });

  it('makes ids unique', () => {
    expect(makeRefId('Sở Tài chính', new Set(['so-tai-chinh', 'so-tai-chinh-2']))).toBe('so-tai-chinh-3');
  });
});

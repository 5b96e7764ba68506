import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/node/build/build-site';
import { buildForTest } from '../support/build-once';

const PLAN = '2024-khac-phuc';
const zero = { overdue: 0, in_progress: 0, not_started: 0, done_late: 0, done_on_time: 0 };

describe('a build of the default data', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildForTest(undefined, '/');
  });
  afterAll(() => rmSync(join(dist, '..'), { recursive: true, force: true }));

  it('writes the home page, the plan page, the task index and both exports', () => {
    for (const file of [
      'index.html',
      `plans/${PLAN}/index.html`,
      'tasks/index.html',
      `exports/${PLAN}.json`,
      `exports/${PLAN}.csv`,
    ]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
  });

  it('exports the hand-counted figures of the seed plan at 30/11/2024', () => {
    const data = JSON.parse(readFileSync(join(dist, `exports/${PLAN}.json`), 'utf8'));
    expect(data.as_of).toBe('2024-11-30');
    expect(data.summary.total).toBe(12);
    expect(data.summary.by_status).toEqual({
      overdue: 1,
      in_progress: 8,
      not_started: 1,
      done_late: 1,
      done_on_time: 1,
    });
    expect(data.summary.by_section).toEqual({
      'II.1': { total: 4, by_status: { ...zero, in_progress: 4 } },
      'II.2': { total: 4, by_status: { ...zero, in_progress: 3, done_on_time: 1 } },
      'II.3': { total: 4, by_status: { ...zero, in_progress: 1, overdue: 1, done_late: 1, not_started: 1 } },
    });
    expect(data.summary.by_unit.hcqt).toEqual({
      total: 8,
      by_status: { ...zero, in_progress: 6, done_late: 1, overdue: 1 },
    });
    expect(data.summary.by_unit['tt-pvhcc']).toEqual({ total: 7, by_status: { ...zero, in_progress: 7 } });
    expect(data.summary.by_unit['ban-tcd']).toEqual({
      total: 5,
      by_status: { ...zero, in_progress: 3, done_on_time: 1, not_started: 1 },
    });
    for (const unit of ['th', 'kt', 'kgvx', 'ncpc', 'tt-cbth']) expect(data.summary.by_unit[unit].total).toBe(3);
  });

  it('exports each task with its final due date, status and people', () => {
    const data = JSON.parse(readFileSync(join(dist, `exports/${PLAN}.json`), 'utf8'));
    expect(data.tasks.map((t: { id: string }) => t.id)).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.2.a',
      'II.2.b',
      'II.2.c',
      'II.2.d',
      'II.3.a',
      'II.3.b',
      'II.3.c',
      'II.3.d',
    ]);
    const byId = Object.fromEntries(data.tasks.map((t: { id: string }) => [t.id, t]));
    expect(byId['II.3.a']).toMatchObject({
      status: 'done_late',
      due: '2024-06-30',
      percent: 100,
      lead_units: ['hcqt'],
      directed_by: ['chanh-vp'],
    });
    expect(byId['II.3.b']).toMatchObject({ status: 'overdue', due: '2024-06-30' });
    expect(byId['II.3.c']).toMatchObject({
      status: 'in_progress',
      due: '2024-12-31',
      timeline: 'Quý II, III, IV năm 2024',
    });
    expect(byId['II.3.d']).toMatchObject({ status: 'not_started', due: '2024-12-31' });
    expect(byId['II.2.b']).toMatchObject({
      status: 'done_on_time',
      lead_units: ['ban-tcd'],
      directed_by: ['pcvp-truong-ban-tcd'],
    });
  });

  it('writes the CSV export as UTF-8 with a BOM and the same rows', () => {
    const bytes = readFileSync(join(dist, `exports/${PLAN}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'plan,id,section,title,status,status_label,due,timeline,percent,last_report,lead_units,support_units,directed_by',
    );
    expect(lines).toHaveLength(13);
    expect(lines.find((l) => l.startsWith(`${PLAN},II.3.b,`))).toContain(
      ',overdue,"Quá hạn, chưa hoàn thành",2024-06-30,',
    );
  });

  it('shows each task on the plan page with status, final due date, timeline wording, leaders and lead units by name', () => {
    const html = readFileSync(join(dist, `plans/${PLAN}/index.html`), 'utf8');
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Quá hạn, chưa hoàn thành');
    expect(html).toContain('30/06/2024');
    expect(html).toContain('Quý II, III, IV năm 2024');
    expect(html).toContain('Chánh Văn phòng');
    expect(html).toContain('P.HCQT');
  });
});

describe('a build that fails', () => {
  it('leaves the earlier site as it was and says why', async () => {
    const work = mkdtempSync(join(tmpdir(), 'failed-build-'));
    cpSync('data', join(work, 'data'), { recursive: true });
    const progress = join(work, `data/plans/${PLAN}/progress.csv`);
    writeFileSync(progress, readFileSync(progress, 'utf8').replace(/,in_progress,/, ',dang lam,'));
    const out = join(work, 'dist');
    cpSync('public', out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'the site that was there');
    const lines: string[] = [];
    const leftovers = () => readdirSync('.').filter((name) => name.startsWith(`.dist-${process.pid}-`));
    const before = leftovers();
    // Astro starts bundling before the data is validated; the error must stop it and remove its folder.
    const result = await buildSite({ outDir: out, dataDir: join(work, 'data'), log: (l) => lines.push(l), threads: 2 });
    expect(result.ok).toBe(false);
    expect(lines.join('\n')).toMatch(
      /progress\.csv:\d+: status "dang lam" is not one of not_started, in_progress, done/,
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the site that was there');
    expect(leftovers()).toEqual(before);
    rmSync(work, { recursive: true, force: true });
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../support/memory-source';
import { buildForTest } from '../support/build-once';
import { fillFile } from '../support/forms';
import { copyData, type TempData } from '../support/temp-data';

// The monthly round as the office runs it: forms made by the command, filled in by the units (some wrongly), one
// opened and saved again in LibreOffice, one saved as CSV, collected, and the site rebuilt with the new reports.
const node = (script: string, args: string[], cwd = process.cwd()) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), script), ...args], { cwd, encoding: 'utf8' });

/** Every file under a folder with its SHA-256: what "nothing changed" is checked against. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = sha256(readFileSync(join(e.parentPath, e.name)));
  return out;
}

/** Converts a file with LibreOffice headless (its own profile, so runs never share one); returns the new file. */
function libreOffice(file: string, outDir: string, to: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 120_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  const ext = to.split(':')[0]!;
  const out = join(outDir, file.slice(file.lastIndexOf('/') + 1).replace(/\.xlsx$/, `.${ext}`));
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${result.stderr || result.error}`);
  return out;
}

const D = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('the monthly round: npm run forms, the units fill them in, npm run collect, rebuild', () => {
  let data: TempData;
  let forms: string;
  let back: string;
  const returned: Record<string, string> = {};
  const collect = (files: string[], ...flags: string[]) =>
    node('scripts/collect.ts', [...files, '--period', '2024-12', '--data', data.dataDir, ...flags]);

  beforeAll(async () => {
    data = copyData('round-');
    data.edit('data/site.json', '"as_of": "2024-11-30"', '"as_of": "2024-12-31"');
    forms = join(data.root, 'forms');
    back = join(data.root, 'returned');
    mkdirSync(back);
    const made = node('scripts/forms.ts', ['--period', '2024-12', '--data', data.dataDir, '--out', forms]);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('Forms of tháng 12/2024, due back by 05/01/2025: 8 unit(s).');
    const dir = join(forms, '2024-12');
    const fill = async (unit: string, fills: Parameters<typeof fillFile>[2]) => {
      returned[unit] = join(back, `${unit}.xlsx`);
      await fillFile(join(dir, `${unit}.xlsx`), returned[unit]!, fills);
    };
    await fill('hcqt', {
      'II.1.a': { H: 'Đang thực hiện', I: 90, K: 'Đã tổ chức sơ kết Chuyên đề năm 2024.' },
      'II.2.d': { H: 'Đã hoàn thành', I: 100, J: D(2024, 12, 20), K: 'Đã phục vụ kỳ họp cuối năm.' },
    });
    await fill('tt-pvhcc', {
      'II.1.d': { H: 'Đang thực hiện', I: 95 },
      'II.3.c': { H: 'Xong', I: 100 },
    });
    await fill('ban-tcd', { 'II.3.d': { H: 'Đang thực hiện', I: 40, K: 'Đã có dự thảo lần 1.' } });
    await fill('th', { 'II.2.c': { H: 'Đang thực hiện', I: 85, K: 'Tổng hợp, đánh giá cuối năm.' } });
    await fill('kt', { 'II.2.a': { C: 'Nâng cao chất lượng tham mưu (đã sửa)', H: 'Đang thực hiện', I: 80 } });
    // A unit that fills in last month's form instead of this one.
    node('scripts/forms.ts', ['--period', '2024-11', '--data', data.dataDir, '--out', join(data.root, 'old')]);
    await fillFile(join(data.root, 'old/2024-11/kgvx.xlsx'), join(back, 'kgvx.xlsx'), {
      'II.1.b': { H: 'Đang thực hiện', I: 90 },
    });
    returned.kgvx = join(back, 'kgvx.xlsx');
    // One unit opens its form in LibreOffice and saves it again; another saves it as CSV (UTF-8).
    returned['ban-tcd'] = libreOffice(returned['ban-tcd']!, join(back, 'libreoffice'), 'xlsx');
    returned.th = libreOffice(returned.th!, join(back, 'csv'), 'csv:Text - txt - csv (StarCalc):44,34,76,1');
  });
  afterAll(() => data.cleanup());

  it('refuses the whole batch over the wrong forms and rows, naming each cell, and leaves data/ as it was', () => {
    const before = tree(data.dataDir);
    const result = collect(Object.values(returned));
    expect(result.status).toBe(1);
    const problems = result.stderr.split('\n').filter((l) => l.startsWith('returned') || l.includes('returned/'));
    expect(problems.map((l) => l.slice(l.indexOf('returned/')))).toEqual([
      "returned/kgvx.xlsx: Báo cáo!C6: is the form of tháng 11/2024, not of this round (tháng 12/2024); collect it with --period 2024-11, or have the unit fill in this month's form",
      'returned/kt.xlsx: Báo cáo!C19: "Tên nhiệm vụ" is a locked cell and was changed (it is now "Nâng cao chất lượng tham mưu (đã sửa)"); undo the change, or ask the office for a new form',
      'returned/tt-pvhcc.xlsx: Báo cáo!H24: "Tình trạng" "Xong" is not in the list: Chưa thực hiện, Đang thực hiện, Đã hoàn thành',
    ]);
    expect(result.stderr).toContain('3 problems in the forms: nothing was added.');
    expect(tree(data.dataDir)).toEqual(before);
  });

  it('prints what each form would add, read alike from a workbook saved by LibreOffice and from a CSV file', () => {
    const result = collect([returned['ban-tcd']!, returned.th!, returned.hcqt!], '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Ban Tiếp công dân tỉnh \(ban-tcd\) — \S*returned\/libreoffice\/ban-tcd\.xlsx: 1 report to add$/m,
    );
    expect(result.stdout).toContain('  + 2024-khac-phuc II.3.d: Đang thực hiện, 40% — Đã có dự thảo lần 1.');
    expect(result.stdout).toMatch(/^Phòng Tổng hợp \(th\) — \S*returned\/csv\/th\.csv: 1 report to add$/m);
    expect(result.stdout).toContain(
      '  + 2024-khac-phuc II.2.d: Đã hoàn thành, 100%, hoàn thành 20/12/2024 — Đã phục vụ kỳ họp cuối năm.',
    );
    expect(result.stdout).toContain('Dry run: 4 reports would be added; nothing was written.');
  });

  it("refuses reports dated after the site's as-of date, changing nothing", () => {
    const before = tree(data.dataDir);
    data.edit('data/site.json', '"as_of": "2024-12-31"', '"as_of": "2024-12-15"');
    const result = collect([returned.hcqt!]);
    data.edit('data/site.json', '"as_of": "2024-12-15"', '"as_of": "2024-12-31"');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'after the site\'s as-of date 15/12/2024, so the site would not count them: set "as_of" in',
    );
    expect(tree(data.dataDir)).toEqual(before);
  });

  it('with --skip-bad adds the good rows once, keeps a copy of the previous file, and adds nothing the second time', () => {
    const progress = join(data.dataDir, 'plans/2024-khac-phuc/progress.csv');
    const old = readFileSync(progress, 'utf8');
    const first = collect(Object.values(returned), '--skip-bad');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /Added 5 reports to .*progress\.csv \(the previous file is kept as .*\.backup\/progress\.[\dT-]+Z\.csv\)\./,
    );
    const added = readFileSync(progress, 'utf8').slice(old.length).trim().split('\n');
    expect(added.map((l) => l.split(',').slice(0, 4).concat(l.split(',').at(-1)!).join(','))).toEqual([
      'II.1.a,2024-12-31,in_progress,90,hcqt',
      'II.2.d,2024-12-31,done,100,hcqt',
      'II.1.d,2024-12-31,in_progress,95,tt-pvhcc',
      'II.3.d,2024-12-31,in_progress,40,ban-tcd',
      'II.2.c,2024-12-31,in_progress,85,th',
    ]);
    const backups = readdirSync(join(data.dataDir, 'plans/2024-khac-phuc/.backup'));
    expect(readFileSync(join(data.dataDir, 'plans/2024-khac-phuc/.backup', backups[0]!), 'utf8')).toBe(old);
    const before = tree(data.dataDir);
    const second = collect(Object.values(returned), '--skip-bad');
    expect(second.stdout).toContain('= 2024-khac-phuc II.2.d: already in the data, not added again');
    expect(second.stdout).toContain('Nothing to add.');
    expect(tree(data.dataDir)).toEqual(before);
    expect(node('scripts/validate.ts', ['--data', data.dataDir]).stdout).toContain(
      'Data OK: 1 plan(s), 12 task(s), 83 progress report(s)',
    );
  });

  it('rebuilds the site with the new statuses and shows which forms of December have come back', async () => {
    const dist = await buildForTest(data.dataDir);
    try {
      const exported = JSON.parse(readFileSync(join(dist, 'exports/2024-khac-phuc.json'), 'utf8')) as {
        tasks: { id: string; status: string; percent: number | null; last_report: string | null }[];
      };
      const status = Object.fromEntries(exported.tasks.map((t) => [t.id, [t.status, t.percent, t.last_report]]));
      expect(status['II.2.d']).toEqual(['done_on_time', 100, '2024-12-31']);
      expect(status['II.1.d']).toEqual(['in_progress', 95, '2024-12-31']);
      expect(status['II.3.d']).toEqual(['in_progress', 40, '2024-12-31']);
      expect(status['II.3.c']).toEqual(['in_progress', 75, '2024-11-29']);
      const units = readFileSync(join(dist, 'units/index.html'), 'utf8');
      expect(units).toContain('Báo cáo tháng 12/2024');
      expect(units).toMatch(/Phòng Hành chính - Quản trị<\/a><\/td><td>Đã gửi, ngày <time datetime="2024-12-31">/);
      expect(units).toMatch(/Phòng Kinh tế<\/a><\/td><td><strong>Chưa gửi<\/strong>/);
    } finally {
      rmSync(join(dist, '..'), { recursive: true, force: true });
    }
  });
});

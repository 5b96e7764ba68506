import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/node/releases/check-site';
import { buildSite } from '../../src/node/build/build-site';
import { snapshotYear } from '../../src/node/archive/freeze-year';
import { sha256Hex } from '../../src/node/hash';
import { buildForTest } from '../support/build-once';
import { addPlan2025, copyData, type TempData } from '../support/temp-data';

const PLAN = '2024-khac-phuc';
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)![1]!;

describe('archiving 2024, then changing the live data', () => {
  let data: TempData;
  let live: string;
  let archived: string;
  let later: string;
  let snapshotMessage: string;
  beforeAll(async () => {
    data = copyData('archive-');
    live = await buildForTest(data.dataDir);
    const result = snapshotYear({ year: 2024, dataDir: data.dataDir, now: new Date('2025-01-05T02:00:00.000Z') });
    if (!result.ok) throw new Error(result.message);
    snapshotMessage = result.message;
    archived = await buildForTest(data.dataDir);
    // Everything an archived record must not follow: a renamed unit, a new unit, a new as-of date, a new plan.
    data.edit('data/units.csv', 'Phòng Hành chính - Quản trị,P.HCQT', 'Phòng Tổ chức - Hành chính,P.TCHC');
    data.write('data/units.csv', `${data.read('data/units.csv')}vp-moi,Phòng Mới,P.M\n`);
    data.edit('data/leaders.csv', 'Chánh Văn phòng', 'Chánh Văn phòng UBND tỉnh');
    data.edit('data/site.json', '2024-11-30', '2025-02-15');
    addPlan2025(data);
    later = await buildForTest(data.dataDir);
  });
  afterAll(() => {
    for (const dir of [live, archived, later]) if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
    data?.cleanup();
  });

  it('moves the plan out of data/plans/ into archive/2024/ with units, leaders, the as-of date and a manifest of hashes', () => {
    expect(snapshotMessage).toContain(`Archived 2024 as of 30/11/2024: ${PLAN}`);
    expect(existsSync(join(data.dataDir, 'plans', PLAN))).toBe(false);
    const manifest = JSON.parse(data.read('archive/2024/manifest.json'));
    expect(manifest).toMatchObject({
      format: 1,
      year: 2024,
      as_of: '2024-11-30',
      snapshot_at: '2025-01-05T02:00:00.000Z',
      plans: [PLAN],
    });
    expect(Object.keys(manifest.files)).toEqual([
      'leaders.csv',
      `plans/${PLAN}/plan.json`,
      `plans/${PLAN}/progress.csv`,
      `plans/${PLAN}/tasks.csv`,
      'reports/2024-q3.md',
      'site.json',
      'units.csv',
    ]);
    for (const [path, hash] of Object.entries(manifest.files))
      expect(sha256Hex(readFileSync(join(data.archiveDir, '2024', path)))).toBe(hash);
    // The year's report texts went with it: data/reports/ keeps only later years' texts.
    expect(existsSync(join(data.dataDir, 'reports', '2024-q3.md'))).toBe(false);
    expect(readdirSync(data.archiveDir)).toEqual(['2024', '2024.seal']);
    expect(readdirSync(join(data.dataDir, 'plans'))).toEqual(['2025-moi']);
  });

  it('keeps the exports byte for byte as they were while the plan was live, whatever the live data does later', () => {
    for (const file of [`exports/${PLAN}.json`, `exports/${PLAN}.csv`]) {
      const before = readFileSync(join(live, file));
      expect(readFileSync(join(archived, file)).equals(before), `${file} after archiving`).toBe(true);
      expect(readFileSync(join(later, file)).equals(before), `${file} after the live data changed`).toBe(true);
    }
  });

  it("keeps every archived page's content byte for byte when live units, leaders, the as-of date and plans change", () => {
    const pages = listFiles(join(archived, 'plans', PLAN)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBe(1 + 6 + 12);
    for (const page of pages) {
      const a = mainOf(readFileSync(join(archived, 'plans', PLAN, page), 'utf8'));
      const b = mainOf(readFileSync(join(later, 'plans', PLAN, page), 'utf8'));
      expect(b, page).toBe(a);
    }
  });

  it('shows the archive banner with the year and the closing date, and names units as they were', () => {
    const html = readFileSync(join(later, 'plans', PLAN, 'tasks', 'II.3.b', 'index.html'), 'utf8');
    expect(html).toContain('Bản lưu trữ năm 2024, số liệu chốt ngày <time datetime="2024-11-30">30/11/2024</time>.');
    expect(html).toContain('Phòng Hành chính - Quản trị');
    expect(html).not.toContain('Phòng Tổ chức - Hành chính');
    expect(mainOf(html)).not.toContain('/ke-hoach/units/');
  });

  it('lists the archived year on /archive/ with its final totals, and keeps the dashboard and /tasks/ to live plans', () => {
    const archive = readFileSync(join(later, 'archive', 'index.html'), 'utf8');
    expect(archive).toContain('id="nam-2024"');
    expect(archive).toContain(`href="/ke-hoach/plans/${PLAN}/"`);
    expect(archive).toMatch(
      /<td class="num">12<\/td>\s*<td class="num">1<\/td>\s*<td class="num">8<\/td>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>/,
    );
    for (const page of ['index.html', 'tasks/index.html']) {
      const html = readFileSync(join(later, page), 'utf8');
      expect(html, page).not.toContain(`/plans/${PLAN}/`);
      expect(html, page).toContain('/plans/2025-moi/');
    }
  });

  it('links to the archive from every page', () => {
    for (const page of ['index.html', 'units/th/index.html', `plans/${PLAN}/index.html`, 'plans/2025-moi/index.html']) {
      expect(readFileSync(join(later, page), 'utf8'), page).toContain('<a href="/ke-hoach/archive/"');
    }
  });

  it('refuses to snapshot 2024 again without --force, changing nothing', () => {
    const manifest = data.read('archive/2024/manifest.json');
    const again = snapshotYear({ year: 2024, dataDir: data.dataDir });
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/archive\/2024\/ already exists\. Nothing was changed\. Use --force/);
    expect(data.read('archive/2024/manifest.json')).toBe(manifest);
  });
});

describe('an archive that does not match its manifest', () => {
  let data: TempData;
  beforeAll(() => {
    data = copyData('tamper-');
    const result = snapshotYear({ year: 2024, dataDir: data.dataDir });
    if (!result.ok) throw new Error(result.message);
  });
  afterAll(() => data?.cleanup());

  it('stops npm run validate and the build, naming the changed file, and leaves the old site in place', async () => {
    const original = data.read(`archive/2024/plans/${PLAN}/progress.csv`);
    data.edit(
      `archive/2024/plans/${PLAN}/progress.csv`,
      'II.3.b,2024-11-29,in_progress,70',
      'II.3.b,2024-11-29,done,100',
    );
    const validate = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', '--data', data.dataDir], {
      encoding: 'utf8',
    });
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain(
      `${data.archiveDir}/2024/plans/${PLAN}/progress.csv: does not match ${data.archiveDir}/2024/manifest.json`,
    );
    const out = join(data.root, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old site');
    const lines: string[] = [];
    const built = await buildSite({ outDir: out, dataDir: data.dataDir, log: (l) => lines.push(l) });
    expect(built.ok).toBe(false);
    expect(lines.join('\n')).toContain(`2024/plans/${PLAN}/progress.csv: does not match`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old site');
    data.write(`archive/2024/plans/${PLAN}/progress.csv`, original);
  });

  it('stops the build when a plan is both live and archived, naming both folders', async () => {
    cpSync(join(data.archiveDir, '2024', 'plans', PLAN), join(data.dataDir, 'plans', PLAN), { recursive: true });
    const lines: string[] = [];
    const built = await buildSite({
      outDir: join(data.root, 'site2'),
      dataDir: data.dataDir,
      log: (l) => lines.push(l),
    });
    expect(built.ok).toBe(false);
    expect(lines.join('\n')).toContain(
      `${data.dataDir}/plans/${PLAN}: plan id "${PLAN}" is also archived in ${data.archiveDir}/2024/plans/${PLAN}`,
    );
  });
});

describe('snapshot safety', () => {
  let data: TempData;
  beforeAll(() => {
    data = copyData('snapshot-');
    cpSync(join(data.dataDir, 'plans', PLAN), join(data.dataDir, 'plans', `${PLAN}-b`), { recursive: true });
  });
  afterAll(() => data?.cleanup());

  it('puts every plan folder back when moving them fails part-way, and leaves no archive behind', () => {
    let calls = 0;
    const result = snapshotYear({
      year: 2024,
      dataDir: data.dataDir,
      rename: (from, to) => {
        if (++calls === 2) throw new Error('disk full');
        return renameSync(from, to);
      },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Archiving failed: disk full. Everything was put back as it was.');
    expect(readdirSync(join(data.dataDir, 'plans'))).toEqual([PLAN, `${PLAN}-b`]);
    expect(readdirSync(data.archiveDir)).toEqual([]);
  });

  it('refuses a year with no plan', () => {
    const result = snapshotYear({ year: 2023, dataDir: data.dataDir });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/No plan of 2023 in .*plans\/\. Nothing was changed\./);
  });

  it('with --force re-freezes an archived year at the new as-of date, keeping its plans', () => {
    expect(snapshotYear({ year: 2024, dataDir: data.dataDir }).ok).toBe(true);
    data.edit('data/site.json', '2024-11-30', '2024-12-31');
    const forced = snapshotYear({ year: 2024, dataDir: data.dataDir, force: true });
    expect(forced.ok, forced.message).toBe(true);
    const manifest = JSON.parse(data.read('archive/2024/manifest.json'));
    expect(manifest).toMatchObject({ as_of: '2024-12-31', plans: [PLAN, `${PLAN}-b`] });
    expect(readdirSync(data.archiveDir)).toEqual(['2024', '2024.seal']);
  });
});

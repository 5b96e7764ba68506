/**
 * A plan over several years (2024–2026) beside the default 2024 plan: live in each of its years, reported on in the
 * year shown, frozen by each year's snapshot without leaving data/ until its last year, and shown on /archive/ as it
 * stood at each year's end.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/node/releases/check-site';
import { snapshotYear } from '../../src/node/archive/freeze-year';
import { buildForTest, E2E_BASE } from '../support/build-once';
import { docxParts, paragraphTexts } from '../support/docx-text';
import { copyData, type TempData } from '../support/temp-data';

const ID = '2024-cds';
const TASKS = [
  'id,section,title,content,directed_by,lead_units,support_units,timeline,due',
  'I.1,I,Số hóa hồ sơ lưu trữ,,chanh-vp,tt-cbth,,Hằng năm,ongoing',
  'I.2,I,Cổng dữ liệu mở của tỉnh,,chanh-vp,tt-cbth,,Quý II năm 2025,2025-Q2',
  'I.3,I,Nền tảng họp trực tuyến,,chanh-vp,hcqt,,Quý IV năm 2024,2024-Q4',
];
const PROGRESS = [
  'task_id,as_of,status,percent,completed_on,note,reported_by',
  'I.1,2024-06-28,in_progress,20,,,tt-cbth',
  'I.3,2024-11-20,done,100,2024-11-15,,hcqt',
];
// Reports sent after 2024 was archived; one is dated in 2024, which the frozen year must not take in.
const LATER = [
  'I.2,2024-12-20,in_progress,10,,,tt-cbth',
  'I.2,2025-05-20,done,100,2025-05-20,,tt-cbth',
  'I.1,2025-06-15,in_progress,45,,,tt-cbth',
];

const statuses = (dist: string, file: string) => {
  const json = JSON.parse(readFileSync(join(dist, 'exports', file), 'utf8'));
  return [json.as_of, Object.fromEntries(json.tasks.map((t: { id: string; status: string }) => [t.id, t.status]))];
};
const page = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

describe('a plan over several years', () => {
  let data: TempData;
  const builds: Record<string, string> = {};
  const snapshots: Record<number, string> = {};

  beforeAll(async () => {
    data = copyData('multi-year-');
    const dir = join(data.dataDir, 'plans', ID);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'plan.json'),
      JSON.stringify({
        year: 2024,
        end_year: 2026,
        title: 'Kế hoạch chuyển đổi số giai đoạn 2024–2026',
        sections: [{ id: 'I', title: 'Nhiệm vụ' }],
      }),
    );
    writeFileSync(join(dir, 'tasks.csv'), `${TASKS.join('\n')}\n`);
    writeFileSync(join(dir, 'progress.csv'), `${PROGRESS.join('\n')}\n`);
    data.edit('data/site.json', '2024-11-30', '2024-12-31');
    builds.first = await buildForTest(data.dataDir);
    const snapshot = (year: number) => {
      const result = snapshotYear({ year, dataDir: data.dataDir, now: new Date(`${year + 1}-01-05T02:00:00.000Z`) });
      if (!result.ok) throw new Error(result.message);
      snapshots[year] = result.message;
    };
    snapshot(2024);
    data.edit('data/site.json', '2024-12-31', '2025-06-30');
    writeFileSync(join(dir, 'progress.csv'), `${[...PROGRESS, ...LATER].join('\n')}\n`);
    builds.next = await buildForTest(data.dataDir);
    builds.again = await buildForTest(data.dataDir);
    data.edit('data/site.json', '2025-06-30', '2025-12-31');
    snapshot(2025);
    data.edit('data/site.json', '2025-12-31', '2026-12-31');
    snapshot(2026);
    builds.last = await buildForTest(data.dataDir);
  });
  afterAll(() => {
    for (const dist of Object.values(builds)) rmSync(join(dist, '..'), { recursive: true, force: true });
    data?.cleanup();
  });

  it('is reported on with the year’s other plans in its first year, ongoing tasks due at the end of its last', () => {
    const dist = builds.first!;
    expect(page(dist, `plans/${ID}/index.html`)).toMatch(/<dt>Năm<\/dt>\s*<dd>2024–2026<\/dd>/);
    expect(page(dist, 'reports/index.html')).toContain('2 kế hoạch:');
    expect(statuses(dist, `${ID}.2024-q4.json`)).toEqual([
      '2024-12-31',
      { 'I.1': 'in_progress', 'I.2': 'not_started', 'I.3': 'done_on_time' },
    ]);
    expect(JSON.parse(page(dist, `exports/${ID}.json`)).tasks[0].due).toBe('2026-12-31');
  });

  it('has one part per plan in each of I, II and III of the year’s reports, on the page and in the Word file', () => {
    const dist = builds.first!;
    const html = page(dist, 'reports/2024-q4/index.html');
    expect(html.match(/<h3>Kế hoạch chuyển đổi số giai đoạn 2024–2026<\/h3>/g)).toHaveLength(3);
    const text = paragraphTexts(docxParts(readFileSync(join(dist, 'reports', '2024-q4.docx')))['word/document.xml']!);
    expect(text).toContain('Kết quả thực hiện các kế hoạch năm 2024\nQuý IV năm 2024');
    const parts = ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'];
    const headings = text.filter((l) => parts.includes(l) || /^\d\. Kế hoạch/.test(l));
    expect(headings).toEqual(
      parts.flatMap((part) => [
        part,
        '1. Kế hoạch chuyển đổi số giai đoạn 2024–2026',
        '2. Kế hoạch phát huy ưu điểm, khắc phục những hạn chế, khuyết điểm của tập thể Lãnh đạo Văn phòng UBND tỉnh năm 2023',
      ]),
    );
  });

  it('stays in data/ when 2024 is archived, frozen as it stood in archive/2024/continuing/', () => {
    expect(snapshots[2024]).toContain(
      `Moved out of ${data.dataDir}/plans/: 2024-khac-phuc. Frozen as they stand and kept in ${data.dataDir}/plans/ until their last year: ${ID}.`,
    );
    const manifest = JSON.parse(data.read('archive/2024/manifest.json'));
    expect(manifest.plans).toEqual(['2024-khac-phuc']);
    expect(Object.keys(manifest.files)).toContain(`continuing/${ID}/progress.csv`);
    expect(readdirSync(join(data.archiveDir, '2024', 'continuing'))).toEqual([ID]);
  });

  it('in 2025 has the periods of 2025 only, and the year 2024 as it stood at its end', () => {
    const dist = builds.next!;
    const reports = page(dist, 'reports/index.html');
    expect(reports).toContain('id="nam-2025"');
    expect(reports).not.toContain('id="nam-2024"');
    expect(statuses(dist, `${ID}.2025-q2.json`)).toEqual([
      '2025-06-30',
      { 'I.1': 'in_progress', 'I.2': 'done_on_time', 'I.3': 'done_on_time' },
    ]);
    expect(statuses(dist, `${ID}.2024.json`)).toEqual([
      '2024-12-31',
      { 'I.1': 'in_progress', 'I.2': 'not_started', 'I.3': 'done_on_time' },
    ]);
    expect(page(dist, 'index.html')).toContain('Tình hình thực hiện kế hoạch năm 2025');
    expect(page(dist, `plans/${ID}/index.html`)).not.toContain('Bản lưu trữ');
  });

  it('is on /archive/ for 2024 as it stood then, linked to its live pages and its year export', () => {
    const archive = page(builds.next!, 'archive/index.html');
    expect(archive).toContain(`<a href="${E2E_BASE}plans/${ID}/">Kế hoạch chuyển đổi số giai đoạn 2024–2026</a>`);
    expect(archive).toContain('(kế hoạch 2024–2026, tiếp tục thực hiện; số liệu tại ngày chốt năm 2024)');
    expect(archive).toContain(`href="${E2E_BASE}exports/${ID}.2024.json"`);
    // Its 3 tasks at 31/12/2024: none overdue, 1 in progress, 1 not started, none done late, 1 done on time.
    expect(archive).toMatch(
      /2024–2026, tiếp tục thực hiện[^<]*<\/span>\s*<\/td>\s*<td class="num">3<\/td>\s*<td class="num">0<\/td>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>\s*<td class="num">0<\/td>\s*<td class="num">1<\/td>/,
    );
  });

  it('keeps the frozen year export byte for byte when the year comes from the build’s cache', () => {
    const file = `exports/${ID}.2024.json`;
    expect(readFileSync(join(builds.again!, file)).equals(readFileSync(join(builds.next!, file)))).toBe(true);
  });

  it('leaves data/ with the snapshot of its last year, and keeps each year’s record', () => {
    expect(snapshots[2025]).toContain(`kept in ${data.dataDir}/plans/ until their last year: ${ID}.`);
    expect(snapshots[2026]).toContain(`Moved out of ${data.dataDir}/plans/: ${ID}.`);
    expect(existsSync(join(data.dataDir, 'plans', ID))).toBe(false);
    const dist = builds.last!;
    expect(page(dist, `plans/${ID}/index.html`)).toContain('Bản lưu trữ năm 2026');
    expect(statuses(dist, `${ID}.2024.json`)[0]).toBe('2024-12-31');
    expect(statuses(dist, `${ID}.2025.json`)).toEqual([
      '2025-12-31',
      { 'I.1': 'in_progress', 'I.2': 'done_on_time', 'I.3': 'done_on_time' },
    ]);
    const archive = page(dist, 'archive/index.html');
    for (const year of [2024, 2025, 2026]) expect(archive).toContain(`id="nam-${year}"`);
    expect(page(dist, `plans/${ID}/tasks/I.1/index.html`)).toContain('Quý IV năm 2026');
  });

  it('leaves no broken link in any of the sites', () => {
    for (const [name, dist] of Object.entries(builds)) expect(checkBuiltSite(dist, E2E_BASE, []), name).toEqual([]);
  });
});

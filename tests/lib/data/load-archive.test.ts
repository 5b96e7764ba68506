import { describe, expect, it } from 'vitest';
import { checkPlanOverlap, continuingRecords, hashFiles, loadArchives } from '../../../src/lib/data/load-archive';
import { judgeArchive, mergeArchiveSummaries, summarizeArchive } from '../../../src/lib/status/archive-model';
import { loadDataset } from '../../../src/lib/data/load';
import { buildManifest, serializeManifest } from '../../../src/lib/data/manifest';
import { serializeSeal } from '../../../src/lib/data/seal';
import { memorySource, sha256 } from '../../support/memory-source';

const YEAR_FILES: Record<string, string> = {
  'site.json': JSON.stringify({ organization: 'VP', title: 'Theo dõi', as_of: '2024-12-31' }),
  'units.csv': 'id,name,short_name\nth,Phòng Tổng hợp,P.TH\nkt,Phòng Kinh tế,P.KT\n',
  'leaders.csv': 'id,title\ncvp,Chánh Văn phòng\n',
  'plans/2024-vp/plan.json': JSON.stringify({
    year: 2024,
    title: 'Kế hoạch 2024',
    sections: [{ id: 'I', title: 'Nhiệm vụ' }],
  }),
  'plans/2024-vp/tasks.csv':
    'id,section,title,content,directed_by,lead_units,support_units,timeline,due\nI.1,I,Việc một,,cvp,th,*,Quý II,2024-Q2\nI.2,I,Việc hai,,cvp,kt,,Cả năm,ongoing\n',
  'plans/2024-vp/progress.csv':
    'task_id,as_of,status,percent,completed_on,note,reported_by\nI.1,2024-05-31,in_progress,50,,,th\nI.2,2024-12-20,done,100,,,kt\n',
};

/** An archive folder with a manifest matching its files, under archive/2024/, and its seal archive/2024.seal. */
function archivedYear(
  overrides: Record<string, string> = {},
  tamper: Record<string, string> = {},
): Record<string, string> {
  const files = Object.fromEntries(
    Object.entries({ ...YEAR_FILES, ...overrides }).map(([p, t]) => [`archive/2024/${p}`, t]),
  );
  const hashes = hashFiles(memorySource(files), 'archive/2024', sha256);
  const manifest = buildManifest({
    year: 2024,
    asOf: '2024-12-31',
    snapshotAt: '2025-01-05T02:00:00.000Z',
    plans: ['2024-vp'],
    hashes,
  });
  const text = serializeManifest(manifest);
  return {
    ...files,
    'archive/2024/manifest.json': text,
    'archive/2024.seal': serializeSeal(2024, sha256(text)),
    ...Object.fromEntries(Object.entries(tamper).map(([p, t]) => [`archive/2024/${p}`, t])),
  };
}

/** The year's manifest rewritten by `change`, as someone covering their tracks would (the seal left as it was). */
function rewriteManifest(
  files: Record<string, string>,
  change: (manifest: { files: Record<string, string> }) => void,
): Record<string, string> {
  const manifest = JSON.parse(files['archive/2024/manifest.json']!);
  change(manifest);
  return { ...files, 'archive/2024/manifest.json': serializeManifest(manifest) };
}

const load = (files: Record<string, string>) =>
  loadArchives(memorySource(files), { root: 'archive', buildDate: '2030-01-01', hash: sha256 });

describe('loading archive/<year>/', () => {
  it('loads a year that matches its manifest, with its own units, leaders and frozen as-of date', () => {
    const { archives, issues } = load(archivedYear());
    expect(issues).toEqual([]);
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatchObject({
      year: 2024,
      dir: 'archive/2024',
      asOf: '2024-12-31',
      snapshotAt: '2025-01-05T02:00:00.000Z',
    });
    expect(archives[0]!.dataset.units.map((u) => u.name)).toEqual(['Phòng Tổng hợp', 'Phòng Kinh tế']);
  });

  it('judges archived plans at the frozen as-of date whatever today is', () => {
    const state = judgeArchive(load(archivedYear()).archives[0]!);
    expect(state.plans[0]!.asOf).toBe('2024-12-31');
    expect(state.plans[0]!.tasks.map((t) => [t.task.id, t.status])).toEqual([
      ['I.1', 'overdue'],
      ['I.2', 'done_on_time'],
    ]);
    expect(state.units.get('th')?.shortName).toBe('P.TH');
    expect(summarizeArchive(state).counts).toMatchObject({ overdue: 1, done_on_time: 1, in_progress: 0 });
  });

  it('summarises a year with what the lists of years need once its pages come from the cache', () => {
    const summary = summarizeArchive(judgeArchive(load(archivedYear()).archives[0]!));
    expect(summary).toMatchObject({
      year: 2024,
      asOf: '2024-12-31',
      snapshotAt: '2025-01-05T02:00:00.000Z',
      unitShortNames: { th: 'P.TH' },
    });
    expect(summary.plans.map((p) => [p.id, p.taskIds, p.counts.overdue])).toEqual([['2024-vp', ['I.1', 'I.2'], 1]]);
    // A summary survives JSON (the cache keeps it as summary.json).
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const older = { ...summary, year: 2023 };
    expect(
      mergeArchiveSummaries([summary], [older, { ...summary, asOf: '2099-01-01' }]).map((s) => [s.year, s.asOf]),
    ).toEqual([
      [2024, '2024-12-31'],
      [2023, '2024-12-31'],
    ]);
  });

  it('refuses a year whose file changed after the snapshot, naming the file, and does not read it', () => {
    const files = archivedYear(
      {},
      { 'plans/2024-vp/progress.csv': YEAR_FILES['plans/2024-vp/progress.csv']!.replace('50', '90') },
    );
    const { archives, issues } = load(files);
    expect(archives).toEqual([]);
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ['archive/2024/plans/2024-vp/progress.csv', 'archive-tampered'],
    ]);
  });

  it.each([
    ['a folder that is not a year', { 'archive/old/x.csv': '' }, 'archive/old', 'archive-folder'],
    ['a year without a manifest', { 'archive/2023/site.json': '{}' }, 'archive/2023/manifest.json', 'missing-file'],
  ])('reports %s', (_, extra, file, code) => {
    const { issues } = load({ ...archivedYear(), ...extra });
    expect(issues.map((i) => [i.file, i.code])).toEqual([[file, code]]);
  });

  it('refuses a year whose manifest entry was removed together with its file, naming the manifest and its seal', () => {
    const files = rewriteManifest(archivedYear(), (m) => delete m.files['plans/2024-vp/progress.csv']);
    delete files['archive/2024/plans/2024-vp/progress.csv'];
    const { archives, issues } = load(files);
    expect(archives).toEqual([]);
    expect(issues.map((i) => [i.file, i.code])).toEqual([['archive/2024/manifest.json', 'archive-seal']]);
    expect(issues[0]!.message).toMatchInlineSnapshot(
      `"does not match archive/2024.seal (SHA-256 expected 4e532208d8ed…, found db4af1d98b2f…): the manifest was changed, so files may have been removed or replaced along with their entries; restore the archive from a backup or from git (git checkout -- archive)"`,
    );
  });

  it('refuses a changed file whose new hash was written into the manifest', () => {
    const changed = YEAR_FILES['plans/2024-vp/progress.csv']!.replace('50', '90');
    const files = rewriteManifest(archivedYear({}, { 'plans/2024-vp/progress.csv': changed }), (m) => {
      m.files['plans/2024-vp/progress.csv'] = sha256(changed);
    });
    expect(load(files).issues.map((i) => [i.file, i.code])).toEqual([['archive/2024/manifest.json', 'archive-seal']]);
  });

  it.each([
    ['a missing seal', undefined, 'archive/2024.seal', 'archive-seal-missing'],
    ['an empty seal', '', 'archive/2024.seal', 'archive-seal'],
    ['the seal of another year', (s: string) => s.replace('2024/', '2023/'), 'archive/2024.seal', 'archive-seal'],
  ])('refuses a year with %s', (_, seal, file, code) => {
    const files = archivedYear();
    const text = files['archive/2024.seal']!;
    if (seal === undefined) delete files['archive/2024.seal'];
    else files['archive/2024.seal'] = typeof seal === 'string' ? seal : seal(text);
    const { archives, issues } = load(files);
    expect(archives).toEqual([]);
    expect(issues.map((i) => [i.file, i.code])).toEqual([[file, code]]);
  });

  it('says how to seal a year archived before seals existed', () => {
    const files = archivedYear();
    delete files['archive/2024.seal'];
    expect(load(files).issues[0]!.message).toMatchInlineSnapshot(
      `"is missing: it pins archive/2024/manifest.json, and npm run snapshot -- 2024 writes it; restore the archive from a backup or from git (git checkout -- archive). For a year archived before seals existed whose files are known to be right: cd archive && sha256sum 2024/manifest.json > 2024.seal"`,
    );
  });

  it('accepts a seal written by sha256sum (binary mode marker, CRLF) and refuses a seal whose year is gone', () => {
    const files = archivedYear();
    files['archive/2024.seal'] = files['archive/2024.seal']!.replace('  ', ' *').replace('\n', '\r\n');
    files['archive/2023.seal'] = serializeSeal(2023, sha256('gone'));
    const { archives, issues } = load(files);
    expect(archives).toHaveLength(1);
    expect(issues.map((i) => [i.file, i.code])).toEqual([['archive/2023.seal', 'archive-missing-year']]);
  });

  it('refuses an archived plan of another year', () => {
    const plan = JSON.stringify({ year: 2023, title: 'Kế hoạch 2023', sections: [{ id: 'I', title: 'Nhiệm vụ' }] });
    const { archives, issues } = load(archivedYear({ 'plans/2024-vp/plan.json': plan }));
    expect(archives).toEqual([]);
    expect(issues.map((i) => [i.file, i.code])).toContainEqual([
      'archive/2024/plans/2024-vp/plan.json',
      'archive-year',
    ]);
  });

  it('refuses a site.json whose as-of date differs from the manifest', () => {
    const site = JSON.stringify({ organization: 'VP', title: 'Theo dõi', as_of: '2025-01-15' });
    const { issues } = load(archivedYear({ 'site.json': site }));
    expect(issues.map((i) => [i.file, i.code])).toContainEqual(['archive/2024/site.json', 'archive-as-of']);
  });
});

describe('plans over several years in an archived year', () => {
  const multi = (year: number, endYear: number, id = '2023-cds') => ({
    [`continuing/${id}/plan.json`]: JSON.stringify({
      year,
      end_year: endYear,
      title: 'Kế hoạch chuyển đổi số 2023–2026',
      sections: [{ id: 'I', title: 'Nhiệm vụ' }],
    }),
    [`continuing/${id}/tasks.csv`]:
      'id,section,title,content,directed_by,lead_units,support_units,timeline,due\nI.1,I,Số hóa hồ sơ,,cvp,th,,Hằng năm,ongoing\nI.2,I,Cổng dữ liệu,,cvp,kt,,Năm 2024,2024-Q4\n',
    [`continuing/${id}/progress.csv`]:
      'task_id,as_of,status,percent,completed_on,note,reported_by\nI.1,2024-12-20,in_progress,40,,,th\n',
  });

  it('loads one that goes on after the year from continuing/, judged at the frozen date, its pages left to the live plan', () => {
    const { archives, issues } = load(archivedYear(multi(2023, 2026)));
    expect(issues).toEqual([]);
    const state = judgeArchive(archives[0]!);
    expect(state.plans.map((p) => p.plan.id)).toEqual(['2024-vp']);
    expect(state.continuing.map((p) => [p.plan.id, p.asOf, p.tasks.map((t) => [t.task.due.final, t.status])])).toEqual([
      [
        '2023-cds',
        '2024-12-31',
        [
          ['2026-12-31', 'in_progress'],
          ['2024-12-31', 'not_started'],
        ],
      ],
    ]);
    const summary = summarizeArchive(state);
    expect(summary.plans.map((p) => [p.id, p.years, p.continuing, p.taskIds])).toEqual([
      ['2024-vp', undefined, undefined, ['I.1', 'I.2']],
      ['2023-cds', '2023–2026', true, []],
    ]);
    expect(summary.counts).toEqual({ overdue: 1, in_progress: 1, not_started: 1, done_late: 0, done_on_time: 1 });
    expect(continuingRecords(archives)).toEqual([{ plan: '2023-cds', year: 2024 }]);
  });

  it('accepts a plan over several years in plans/ in any of its years, and one in continuing/ only before its last', () => {
    const planOf = (year: number, endYear: number) =>
      JSON.stringify({ year, end_year: endYear, title: 'K', sections: [{ id: 'I', title: 'Nhiệm vụ' }] });
    expect(load(archivedYear({ 'plans/2024-vp/plan.json': planOf(2022, 2024) })).issues).toEqual([]);
    const messages = (files: Record<string, string>) => load(files).issues.map((i) => `${i.file}: ${i.message}`);
    expect(messages(archivedYear({ 'plans/2024-vp/plan.json': planOf(2021, 2023) }))).toEqual([
      'archive/2024/plans/2024-vp/plan.json: years 2021–2023 do not include the archived year 2024',
    ]);
    expect(messages(archivedYear(multi(2022, 2024)))).toEqual([
      'archive/2024/continuing/2023-cds/plan.json: years 2022–2024: a plan frozen in continuing/ goes on after the archived year 2024 (a plan in its last year belongs in plans/)',
    ]);
    expect(messages(archivedYear(multi(2023, 2026, '2024-vp')))).toEqual([
      'archive/2024/continuing/2024-vp/plan.json: plan id "2024-vp" is also in archive/2024/plans/',
    ]);
  });

  it('lets a continuing plan share its id with the live plan it is a copy of', () => {
    const { archives } = load(archivedYear(multi(2023, 2026)));
    const files = Object.fromEntries(
      Object.entries({ ...YEAR_FILES, ...multi(2023, 2026) })
        .filter(([p]) => !p.startsWith('plans/'))
        .map(([p, t]) => [`data/${p.replace('continuing/', 'plans/')}`, t]),
    );
    const live = loadDataset(memorySource(files), { root: 'data', buildDate: '2025-03-01' });
    expect(live.dataset?.plans.map((p) => p.id)).toEqual(['2023-cds']);
    expect(checkPlanOverlap('data', live.dataset, archives)).toEqual([]);
  });
});

describe('a plan is live or archived, never both', () => {
  const live = (id: string) => {
    const files = Object.fromEntries(
      Object.entries(YEAR_FILES).map(([p, t]) => [`data/${p.replace('2024-vp', id)}`, t]),
    );
    return loadDataset(memorySource(files), { root: 'data', buildDate: '2030-01-01' }).dataset;
  };
  const archives = load(archivedYear()).archives;

  it('names the live folder and the archived one when an id is in both', () => {
    const issues = checkPlanOverlap('data', live('2024-vp'), archives);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'data/plans/2024-vp', code: 'archived-plan-is-live' });
    expect(issues[0]!.message).toContain('archive/2024/plans/2024-vp');
  });

  it('accepts different ids', () => {
    expect(checkPlanOverlap('data', live('2025-vp'), archives)).toEqual([]);
  });

  it('names a plan archived in two years', () => {
    const twice = [archives[0]!, { ...archives[0]!, year: 2023, dir: 'archive/2023' }];
    expect(checkPlanOverlap('data', undefined, twice).map((i) => [i.file, i.code])).toEqual([
      ['archive/2023/plans/2024-vp', 'archive-duplicate-plan'],
    ]);
  });
});

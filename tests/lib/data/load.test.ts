import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { memorySource, type MemoryFiles } from '../../support/memory-source';
import { PLAN, smallData } from '../../support/small-data';

const load = (files: MemoryFiles) => loadDataset(memorySource(files), { root: 'data', buildDate: '2024-08-01' });
const messages = (files: MemoryFiles) => sortIssues(load(files).issues).map(formatIssue);

/** The small data set with one file replaced. */
function withFile(path: string, text: string | undefined): MemoryFiles {
  const files = smallData();
  if (text === undefined) delete files[path];
  else files[path] = text;
  return files;
}

/** The small data set with one line of a CSV file (1-based) replaced. */
function withLine(path: string, line: number, text: string): MemoryFiles {
  const files = smallData();
  const lines = String(files[path]).split('\n');
  lines[line - 1] = text;
  files[path] = lines.join('\n');
  return files;
}

const TASKS = `${PLAN}/tasks.csv`;
const PROGRESS = `${PLAN}/progress.csv`;

describe('a valid data set', () => {
  it('loads with no problems', () => {
    const { dataset, issues } = load(smallData());
    expect(issues).toEqual([]);
    expect(dataset?.plans[0]?.tasks.map((t) => t.id)).toEqual(['II.1.a', 'II.1.b', 'II.1.c']);
  });

  it('reads the Vietnamese status label and expands * to every other unit', () => {
    const plan = load(smallData()).dataset!.plans[0]!;
    expect(plan.reports[2]?.status).toBe('in_progress');
    expect(plan.tasks[0]?.supportUnits).toEqual(['ban-tcd']);
    expect(plan.tasks[0]?.supportAll).toBe(true);
  });

  it('takes the build date as the as-of date when site.json gives none', () => {
    const { dataset } = load(withFile('data/site.json', JSON.stringify({ organization: 'VP', title: 'T' })));
    expect(dataset?.site).toMatchObject({ asOf: '2024-08-01', asOfSource: 'build-date', staleReportDays: 45 });
  });

  it('defaults completed_on to as_of for a done row', () => {
    const { dataset } = load(withLine(PROGRESS, 3, 'II.1.a,2024-06-28,done,100,,Đã xong,hcqt'));
    expect(dataset?.plans[0]?.reports[1]?.completedOn).toBe('2024-06-28');
  });

  it('skips blank lines and keeps counting file lines past them and past line breaks inside quotes', () => {
    const files = smallData();
    files[PROGRESS] = [
      'task_id,as_of,status,percent,completed_on,note,reported_by',
      '',
      'II.1.a,2024-05-31,in_progress,50,,"Dòng một',
      'dòng hai",hcqt',
      '   ',
      'II.1.a,2024-06-28,dang lam,100,,,hcqt',
      '',
    ].join('\r\n');
    expect(messages(files)).toEqual([
      `${PROGRESS}:6: status "dang lam" is not one of not_started, in_progress, done (or Chưa thực hiện, Đang thực hiện, Đã hoàn thành)`,
    ]);
  });

  it('accepts JSON tables with lists as arrays and percent as a number', () => {
    const files = smallData();
    delete files[TASKS];
    delete files[PROGRESS];
    files[`${PLAN}/tasks.json`] = JSON.stringify([
      {
        id: 'II.1.a',
        section: 'II.1',
        title: 'A',
        directed_by: ['chanh-vp'],
        lead_units: ['hcqt', 'ban-tcd'],
        support_units: '',
        due: '2024-Q2',
      },
    ]);
    files[`${PLAN}/progress.json`] = JSON.stringify([
      { task_id: 'II.1.a', as_of: '30/6/2024', status: 'done', percent: 100 },
    ]);
    const { dataset, issues } = load(files);
    expect(issues).toEqual([]);
    expect(dataset?.plans[0]?.tasks[0]?.leadUnits).toEqual(['hcqt', 'ban-tcd']);
    expect(dataset?.plans[0]?.reports[0]).toMatchObject({
      asOf: '2024-06-30',
      percent: 100,
      completedOn: '2024-06-30',
    });
  });

  it('warns about an unknown extra column but still loads', () => {
    const { dataset, issues } = load(withLine('data/units.csv', 1, 'id,name,short_name,ghi_chu'));
    expect(dataset).toBeDefined();
    expect(issues.map(formatIssue)).toEqual([
      'data/units.csv:1: warning: unknown column "ghi_chu" is ignored (expected id, name, short_name)',
    ]);
  });
});

describe('each kind of bad input is reported with file, line, column and value', () => {
  it.each([
    [
      'a missing file',
      withFile('data/units.csv', undefined),
      'data/units.csv: is missing (expected data/units.csv, data/units.json or data/units.xlsx)',
    ],
    [
      'a missing site.json',
      withFile('data/site.json', undefined),
      'data/site.json: is missing (expected {"organization", "title", "as_of"})',
    ],
    [
      'both CSV and JSON for one table',
      { ...smallData(), 'data/leaders.json': '[]' },
      'data/leaders.csv: and data/leaders.json both exist; keep one of them',
    ],
    [
      'a missing column',
      withLine(TASKS, 1, 'id,section,content,directed_by,lead_units,support_units,timeline'),
      `${TASKS}:1: missing required columns title, due`,
    ],
    [
      'a duplicate task id',
      withLine(TASKS, 3, 'II.1.a,II.1,Trùng,,chanh-vp,hcqt,,,2024-Q3'),
      `${TASKS}:3: id "II.1.a" is used twice (first at line 2)`,
    ],
    [
      'a duplicate unit id',
      withLine('data/units.csv', 3, 'hcqt,Khác,K'),
      'data/units.csv:3: id "hcqt" is used twice (first at line 2)',
    ],
    [
      'a unit id unsafe in a URL',
      withLine('data/units.csv', 3, '../x,Khác,K'),
      'data/units.csv:3: id "../x" is not a valid id: ".." would point outside the site\'s folders (expected lowercase letters, digits and "-", like "phong-hcqt")',
    ],
    [
      'an unknown section',
      withLine(TASKS, 2, 'II.1.a,II.9,A,,chanh-vp,hcqt,,,2024-Q2'),
      `${TASKS}:2: section "II.9" is not a section of plan.json (known: II, II.1)`,
    ],
    [
      'an unknown lead unit',
      withLine(TASKS, 2, 'II.1.a,II.1,A,,chanh-vp,phong-x,,,2024-Q2'),
      `${TASKS}:2: lead_units "phong-x" is not a unit id in units`,
    ],
    [
      'an unknown support unit',
      withLine(TASKS, 2, 'II.1.a,II.1,A,,chanh-vp,hcqt,ban-y,,2024-Q2'),
      `${TASKS}:2: support_units "ban-y" is not a unit id in units (or * for every unit)`,
    ],
    [
      'an unknown leader',
      withLine(TASKS, 2, 'II.1.a,II.1,A,,giam-doc,hcqt,,,2024-Q2'),
      `${TASKS}:2: directed_by "giam-doc" is not a leader id in leaders`,
    ],
    [
      'an unknown task in progress',
      withLine(PROGRESS, 2, 'II.9.z,2024-05-31,in_progress,50,,,hcqt'),
      `${PROGRESS}:2: task_id "II.9.z" is not a task id in this plan's tasks`,
    ],
    [
      'an impossible date',
      withLine(PROGRESS, 2, 'II.1.a,31/02/2024,in_progress,50,,,hcqt'),
      `${PROGRESS}:2: as_of "31/02/2024" is not a valid date (expected YYYY-MM-DD or DD/MM/YYYY, a day that exists)`,
    ],
    [
      'a malformed date',
      withLine(PROGRESS, 2, 'II.1.a,2024/05/31,in_progress,50,,,hcqt'),
      `${PROGRESS}:2: as_of "2024/05/31" is not a valid date`,
    ],
    [
      'a bad due expression',
      withLine(TASKS, 2, 'II.1.a,II.1,A,,chanh-vp,hcqt,,,Quý II/2024'),
      `${TASKS}:2: due "Quý II/2024": part "Quý II/2024" is not a date (YYYY-MM-DD or DD/MM/YYYY), a month (YYYY-MM), a quarter (YYYY-Qn) or "ongoing"`,
    ],
    [
      'percent out of range',
      withLine(PROGRESS, 2, 'II.1.a,2024-05-31,in_progress,120,,,hcqt'),
      `${PROGRESS}:2: percent "120" is not a whole number from 0 to 100`,
    ],
    [
      'percent not a number',
      withLine(PROGRESS, 2, 'II.1.a,2024-05-31,in_progress,năm mươi,,,hcqt'),
      `${PROGRESS}:2: percent "năm mươi" is not a whole number from 0 to 100`,
    ],
    [
      'an unknown status',
      withLine(PROGRESS, 2, 'II.1.a,2024-05-31,dang lam,50,,,hcqt'),
      `${PROGRESS}:2: status "dang lam" is not one of not_started, in_progress, done`,
    ],
    [
      'completed_on after as_of',
      withLine(PROGRESS, 3, 'II.1.a,2024-06-28,done,100,2024-07-01,,hcqt'),
      `${PROGRESS}:3: completed_on "2024-07-01" is after the report's as_of 2024-06-28`,
    ],
    [
      'a report after the site as-of date',
      withLine(PROGRESS, 2, 'II.1.a,2024-07-16,in_progress,50,,,hcqt'),
      `${PROGRESS}:2: as_of "2024-07-16" is after the site's as-of date 2024-07-15`,
    ],
    [
      'done below 100 percent',
      withLine(PROGRESS, 3, 'II.1.a,2024-06-28,done,90,2024-06-20,,hcqt'),
      `${PROGRESS}:3: percent "90" is below 100 for a row whose status is done`,
    ],
    [
      'an unknown reporting unit',
      withLine(PROGRESS, 2, 'II.1.a,2024-05-31,in_progress,50,,,so-noi-vu'),
      `${PROGRESS}:2: reported_by "so-noi-vu" is not a unit id in units`,
    ],
    [
      'an empty required cell',
      withLine(TASKS, 2, 'II.1.a,II.1,,,chanh-vp,hcqt,,,2024-Q2'),
      `${TASKS}:2: title is empty; the task title is required`,
    ],
    [
      'a row with more fields than the header',
      withLine('data/leaders.csv', 2, 'chanh-vp,Chánh Văn phòng,thừa'),
      'data/leaders.csv:2: row has 3 fields but the header has 2; extra value "thừa"',
    ],
    [
      'a bad plan folder name',
      { ...smallData(), 'data/plans/Kế hoạch/plan.json': '{}' },
      'data/plans/Kế hoạch: folder name "Kế hoạch" is not a valid plan id',
    ],
    [
      'an unknown parent section',
      withFile(
        `${PLAN}/plan.json`,
        JSON.stringify({ year: 2024, title: 'K', sections: [{ id: 'II' }, { id: 'II.1', title: 'A', parent: 'IX' }] }),
      ),
      `${PLAN}/plan.json: sections[1].parent: parent "IX" is not a section of this plan`,
    ],
    [
      'a section without a title',
      withFile(`${PLAN}/plan.json`, JSON.stringify({ year: 2024, title: 'K', sections: [{ id: 'II' }] })),
      `${PLAN}/plan.json: sections[0]: title is empty; the section title is required`,
    ],
    [
      'a bad plan year',
      withFile(`${PLAN}/plan.json`, JSON.stringify({ year: 'năm nay', title: 'K', sections: [] })),
      `${PLAN}/plan.json: year: year "năm nay" is not a year (expected four digits, like 2024)`,
    ],
    ['broken JSON', withFile('data/site.json', '{"organization": '), 'data/site.json: is not valid JSON'],
    [
      'a bad site as_of',
      withFile('data/site.json', JSON.stringify({ organization: 'VP', title: 'T', as_of: '2024-02-30' })),
      'data/site.json: as_of: as_of "2024-02-30" is not a valid date',
    ],
    [
      'a bad JSON table row',
      {
        ...withFile('data/leaders.csv', undefined),
        'data/leaders.json': JSON.stringify([
          { id: 'chanh-vp', title: 'Chánh VP' },
          { id: 'Lanh Dao', title: 'x' },
        ]),
      },
      'data/leaders.json: [1]: id "Lanh Dao" is not a valid id',
    ],
  ])('%s', (_case, files, expected) => {
    const found = messages(files);
    expect(
      found.some((m) => m.startsWith(expected)),
      `expected a line starting with:\n${expected}\ngot:\n${found.join('\n')}`,
    ).toBe(true);
    expect(load(files).dataset).toBeUndefined();
  });

  it('reports every problem at once, in file and line order', () => {
    const files = withLine(PROGRESS, 2, 'II.9.z,2024-05-31,dang lam,150,,,hcqt');
    const lines = String(files[TASKS]).split('\n');
    lines[3] = 'II.1.c,II.1,Sửa quy chế,,chanh-vp,hcqt,,,2024-Q5';
    files[TASKS] = lines.join('\n');
    expect(messages(files)).toEqual([
      `${PROGRESS}:2: status "dang lam" is not one of not_started, in_progress, done (or Chưa thực hiện, Đang thực hiện, Đã hoàn thành)`,
      `${PROGRESS}:2: percent "150" is not a whole number from 0 to 100`,
      `${PROGRESS}:2: task_id "II.9.z" is not a task id in this plan's tasks`,
      `${TASKS}:4: due "2024-Q5": part "2024-Q5" is not a date (YYYY-MM-DD or DD/MM/YYYY), a month (YYYY-MM), a quarter (YYYY-Qn) or "ongoing"`,
    ]);
  });
});

describe('one run reports every problem (no stages)', () => {
  it.each([
    [
      'a row that fails its schema is still checked against the other tables',
      withLine(TASKS, 2, 'II.1.a,II.9,,,giam-doc,?Sở Tài chính,?Sở Xây dựng,,'),
      [
        `${TASKS}:2: title is empty; the task title is required`,
        `${TASKS}:2: due is empty; a due expression is required`,
        `${TASKS}:2: section "II.9" is not a section of plan.json (known: II, II.1)`,
        `${TASKS}:2: directed_by "giam-doc" is not a leader id in leaders`,
        `${TASKS}:2: lead_units "?Sở Tài chính" is not a unit id in units`,
        `${TASKS}:2: support_units "?Sở Xây dựng" is not a unit id in units (or * for every unit)`,
      ],
    ],
    [
      'an invalid plan.json does not stop the tasks and progress being checked',
      {
        ...withLine(TASKS, 3, 'II.1.b,II.1,Tiếp công dân,,lanh-dao-vp,phong-moi,hcqt,,ongoing'),
        [`${PLAN}/plan.json`]: JSON.stringify({ year: 2024, title: '', sections: [{ id: 'II.1', title: 'Mục' }] }),
      },
      [
        `${PLAN}/plan.json: title: title is empty; the plan title is required`,
        `${TASKS}:3: lead_units "phong-moi" is not a unit id in units`,
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(messages(files)).toEqual(expected);
  });

  it('checks end_year and the units of duties', () => {
    const plan = {
      year: 2025,
      end_year: 2040,
      title: 'Kế hoạch 2025-2030',
      sections: [
        { id: 'II', title: 'Nội dung thực hiện' },
        { id: 'II.1', parent: 'II', title: 'Phát huy ưu điểm' },
      ],
      duties: [
        { unit: 'hcqt', text: 'Theo dõi, tổng hợp.' },
        { unit: 'so-moi', text: 'Phối hợp.' },
        { unit: 'ban-tcd', text: '' },
      ],
    };
    expect(messages(withFile(`${PLAN}/plan.json`, JSON.stringify(plan)))).toEqual([
      `${PLAN}/plan.json: duties[1].unit: unit "so-moi" is not a unit id in units`,
      `${PLAN}/plan.json: duties[2]: text is empty; the duty text is required`,
      `${PLAN}/plan.json: end_year: end_year 2040 is not from the plan's year 2025 to 2035`,
    ]);
    const ok = { ...plan, end_year: 2030, duties: plan.duties.slice(0, 1) };
    const loaded = load(withFile(`${PLAN}/plan.json`, JSON.stringify(ok)));
    expect(loaded.issues).toEqual([]);
    expect(loaded.dataset!.plans[0]).toMatchObject({
      endYear: 2030,
      duties: [{ unit: 'hcqt', text: 'Theo dõi, tổng hợp.' }],
    });
  });
});

describe('unit-groups.csv', () => {
  it('is optional, and accepted with one phrase a row', () => {
    const files = { ...smallData(), 'data/unit-groups.csv': 'phrase\n"Các Sở, ban, ngành"\n"UBND các xã, phường"\n' };
    expect(load(files).issues).toEqual([]);
  });

  it('names a phrase listed twice (blank rows are skipped) and a missing column', () => {
    expect(
      messages({ ...smallData(), 'data/unit-groups.csv': 'phrase\n"Các Sở, ban, ngành"\n" "\ncác sở ban ngành\n' }),
    ).toEqual(['data/unit-groups.csv:4: warning: phrase "các sở ban ngành" is listed twice (first at line 2)']);
    expect(messages({ ...smallData(), 'data/unit-groups.csv': 'cum_tu\n"Các Sở, ban, ngành"\n' })[0]).toMatch(
      /^data\/unit-groups\.csv:1: .*phrase/,
    );
  });
});

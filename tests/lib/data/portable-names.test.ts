import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { memorySource, type MemoryFiles } from '../../support/memory-source';
import { PLAN, smallData } from '../../support/small-data';

// Ids name the site's folders, and the published site may be copied to a Windows server or a case-insensitive share:
// names that clash or cannot exist there are refused, with the reason. And messages name the real fault.
const messages = (files: MemoryFiles) =>
  sortIssues(loadDataset(memorySource(files), { root: 'data', buildDate: '2024-08-01' }).issues)
    .filter((i) => i.level === 'error')
    .map(formatIssue);

const TASKS = `${PLAN}/tasks.csv`;
const PROGRESS = `${PLAN}/progress.csv`;

/** The small data set with text edited in one file. */
function edited(path: string, edit: (text: string) => string): MemoryFiles {
  const files = smallData();
  files[path] = edit(String(files[path]));
  return files;
}

/** The small data set with one more task (the last line of tasks.csv, line 5). */
const withTask = (id: string) => edited(TASKS, (t) => `${t}\n${id},II.1,Việc thêm,,chanh-vp,hcqt,,Cả năm,ongoing`);

/** The small data set with its plan folder renamed. */
function planFolder(name: string): MemoryFiles {
  const files = smallData();
  return Object.fromEntries(Object.entries(files).map(([p, t]) => [p.replace(PLAN, `data/plans/${name}`), t]));
}

describe('ids that would break on another file system', () => {
  it.each<[string, MemoryFiles, string]>([
    [
      'task ids that differ only in case',
      withTask('II.1.A'),
      `${TASKS}:5: id "II.1.A" differs from "II.1.a" (line 2) only in upper and lower case: on a Windows server or a case-insensitive share their pages would be one folder; make them differ by more than case`,
    ],
    [
      'section ids that differ only in case',
      edited(`${PLAN}/plan.json`, (t) => t.replace('"sections":[', '"sections":[{"id":"ii","title":"Trùng"},')),
      `${PLAN}/plan.json: sections[1].id: id "II" differs from "ii" (sections[0]) only in upper and lower case: on a Windows server or a case-insensitive share their pages would be one folder; make them differ by more than case`,
    ],
    [
      'a task named CON',
      withTask('CON'),
      `${TASKS}:5: id "CON" is not a valid id: Windows reserves the name "CON" for a device, so the page's folder could not be copied to a Windows server (expected the plan's numbering: letters and digits joined by ".", like "II.1.a")`,
    ],
    [
      'a task named AUX.1 (a reserved name with an extension)',
      withTask('AUX.1'),
      `${TASKS}:5: id "AUX.1" is not a valid id: Windows reserves the name "AUX" for a device, so the page's folder could not be copied to a Windows server (expected the plan's numbering: letters and digits joined by ".", like "II.1.a")`,
    ],
    [
      'a unit named nul',
      edited('data/units.csv', (t) => `${t}nul,Phòng Không,P.K\n`),
      `data/units.csv:4: id "nul" is not a valid id: Windows reserves the name "NUL" for a device, so the page's folder could not be copied to a Windows server (expected lowercase letters, digits and "-", like "phong-hcqt")`,
    ],
    [
      'a leader named lpt9',
      edited('data/leaders.csv', (t) => `${t}lpt9,Phó Chánh Văn phòng\n`),
      `data/leaders.csv:4: id "lpt9" is not a valid id: Windows reserves the name "LPT9" for a device, so the page's folder could not be copied to a Windows server (expected lowercase letters, digits and "-", like "phong-hcqt")`,
    ],
    [
      'a plan folder named com1',
      planFolder('com1'),
      'data/plans/com1: folder name "com1" is not a valid plan id: Windows reserves the name "COM1" for a device, so the published folder could not be copied to a Windows server; rename the folder',
    ],
    [
      'a plan folder of 65 characters',
      planFolder(`2024-${'a'.repeat(60)}`),
      `data/plans/2024-${'a'.repeat(60)}: folder name "2024-${'a'.repeat(60)}" is not a valid plan id: it is 65 characters long (at most 64), and the published folder may be copied to a Windows server or a share where long paths break; rename the folder`,
    ],
  ])('refuses %s', (_, files, message) => {
    expect(messages(files)).toEqual([message]);
  });

  it.each(['CONSOLE', 'II.1.con', 'LPT10', 'COM0', 'NULL', 'I.AUX'])(
    'accepts %s, which Windows does not reserve',
    (id) => {
      expect(messages(withTask(id))).toEqual([]);
    },
  );
});

describe('messages that name the real fault', () => {
  it('names a duplicated header column instead of "id is empty" on every row', () => {
    const files = edited(TASKS, (t) => t.replace('timeline,due', 'timeline,due,id'));
    expect(messages(files)).toMatchInlineSnapshot(`
      [
        "data/plans/2024-vp/tasks.csv:1: column "id" appears twice in the header (columns 1 and 10, A and J in Excel); only one can be read: remove or rename the other",
      ]
    `);
  });

  it('names both places of a column that appears twice in other spellings', () => {
    const files = edited(PROGRESS, (t) => t.replace('note,reported_by', 'Note,reported_by, NOTE '));
    expect(messages(files)).toMatchInlineSnapshot(`
      [
        "data/plans/2024-vp/progress.csv:1: column "note" appears twice in the header (columns 6 and 8, F and H in Excel); only one can be read: remove or rename the other",
      ]
    `);
  });

  it.each([
    [
      'percent',
      '1e400',
      'percent is a number too large to read (beyond ±1.8e308, such as 1e400); expected a whole number from 0 to 100',
    ],
    [
      'percent',
      '-1e400',
      'percent is a number too large to read (beyond ±1.8e308, such as 1e400); expected a whole number from 0 to 100',
    ],
    ['note', '1e400', 'note is a number too large to read (beyond ±1.8e308, such as 1e400); write it as text'],
  ])('reads %s: %s in JSON as a number too large, not as "null"', (field, number, message) => {
    const files = smallData();
    delete files[PROGRESS];
    files[`${PLAN}/progress.json`] =
      `[{"task_id":"II.1.a","as_of":"2024-05-31","status":"in_progress","percent":50,"${field}":${number}}]`;
    expect(messages(files)).toEqual([`${PLAN}/progress.json: [0]: ${message}`]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, loadDataset } from '../../../src/lib/data/load';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { encodeText } from '../../support/encodings';
import { memorySource, readFolder } from '../../support/memory-source';

// What must be refused: each case breaks one file of the default data; nothing is published and the message says
// `path:line: message` with what to do.
const clean = readFolder('data');
const TASKS = 'data/plans/2024-khac-phuc/tasks.csv';
const PROGRESS = 'data/plans/2024-khac-phuc/progress.csv';
const PLAN = 'data/plans/2024-khac-phuc/plan.json';

const text = (path: string) => new TextDecoder().decode(clean.get(path)!);
const utf8 = (s: string) => new TextEncoder().encode(s);

function loadWith(changes: Record<string, Uint8Array>, maxFileBytes?: number) {
  const files = new Map(clean);
  for (const [path, bytes] of Object.entries(changes)) files.set(path, bytes);
  const source = memorySource(files);
  const result = loadDataset(source, { root: 'data', buildDate: '2024-11-30', maxFileBytes });
  const errors = sortIssues(result.issues.filter((i) => i.level === 'error'));
  // Only the errors in the files changed: others would be follow-on problems, checked separately below.
  const changed = errors.filter((i) => i.file in changes).map(formatIssue);
  return { ...result, reads: source.reads, errors: changed, all: errors.map(formatIssue) };
}

function replaceLine(path: string, lineNumber: number, edit: (line: string) => string): Uint8Array {
  const lines = text(path).split('\n');
  lines[lineNumber - 1] = edit(lines[lineNumber - 1]!);
  return utf8(lines.join('\n'));
}

describe('files that are not text in any supported encoding are refused', () => {
  it('random binary data', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i * 37 + 11) % 256);
    const { dataset, errors } = loadWith({ 'data/units.csv': bytes });
    expect(dataset).toBeUndefined();
    expect(errors[0]).toMatchInlineSnapshot(
      `"data/units.csv:1: is not text in UTF-8, UTF-16 or Windows-1258 (byte 0x0E is never in Vietnamese text); save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again"`,
    );
  });

  it('UTF-16 without a byte-order mark (NUL bytes)', () => {
    const bytes = encodeText(text('data/units.csv'), 'utf-16le')!.subarray(2);
    expect(loadWith({ 'data/units.csv': bytes }).errors).toMatchInlineSnapshot(`
      [
        "data/units.csv:1: is not text in UTF-8, UTF-16 or Windows-1258 (it has NUL bytes: UTF-16 without a byte-order mark, or not a text file); save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again",
      ]
    `);
  });

  it('a control character in the middle of a UTF-8 file, with its line', () => {
    const { errors } = loadWith({ 'data/leaders.csv': utf8('id,title\nchanh-vp,Chánh\u0001 Văn phòng\n') });
    expect(errors[0]).toMatchInlineSnapshot(
      `"data/leaders.csv:2: contains the control character U+0001, which is not text; remove it or save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again"`,
    );
  });

  it('a file that is not UTF-8 and has a byte Windows-1258 leaves undefined', () => {
    const bytes = new Uint8Array([...utf8('id,title\nchanh-vp,Ch'), 0xe1, 0x81, ...utf8('nh\n')]);
    expect(loadWith({ 'data/leaders.csv': bytes }).errors).toMatchInlineSnapshot(`
      [
        "data/leaders.csv:2: is not text in UTF-8, UTF-16 or Windows-1258 (byte 0x81 is never in Vietnamese text); save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again",
      ]
    `);
  });

  it('a UTF-8 byte-order mark followed by bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,title\nx,'), 0xc3, 0x28, 0x0a]);
    expect(loadWith({ 'data/leaders.csv': bytes }).errors).toMatchInlineSnapshot(`
      [
        "data/leaders.csv:2: starts with a UTF-8 byte-order mark but is not valid UTF-8 text; save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again",
      ]
    `);
  });

  it('an Excel workbook saved with a .csv name', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(loadWith({ [TASKS]: bytes }).errors).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/tasks.csv:1: is a ZIP file (an Excel .xlsx workbook?), not a text file; save it as "CSV UTF-8" (Excel: Save As → CSV UTF-8) and try again",
      ]
    `);
  });
});

describe('tables that are wrong are refused with their line', () => {
  it('a header missing required columns names them', () => {
    const tasks = replaceLine(TASKS, 1, () => 'id,section,content,directed_by,lead_units,support_units,timeline');
    expect(loadWith({ [TASKS]: tasks }).errors).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/tasks.csv:1: missing required columns title, due",
      ]
    `);
  });

  it('a row with more fields than the header, with the extra value', () => {
    const progress = replaceLine(PROGRESS, 3, (line) => line.replace(/"/g, ''));
    expect(loadWith({ [PROGRESS]: progress }).errors).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/progress.csv:3: row has 8 fields but the header has 7; extra value "hcqt" (a separator inside a value needs the value in double quotes)",
      ]
    `);
  });

  it('a quote that is never closed', () => {
    const leaders = utf8('id,title\nchanh-vp,"Chánh Văn phòng\nlanh-dao-vp,Lãnh đạo Văn phòng\n');
    expect(loadWith({ 'data/leaders.csv': leaders }).errors[0]).toMatchInlineSnapshot(
      `"data/leaders.csv:2: a value opened with a double quote (") is never closed; close it, or write a quote inside a value as """`,
    );
  });

  it('JSON syntax errors give the line', () => {
    const plan = text(PLAN).replace('"year": 2024,', '"year": 2024');
    expect(loadWith({ [PLAN]: utf8(plan) }).errors[0]).toMatchInlineSnapshot(
      `"data/plans/2024-khac-phuc/plan.json:3: is not valid JSON: Expected ',' or '}' after property value"`,
    );
  });
});

describe('ids that would make an unsafe web address or file name are refused, saying why', () => {
  it.each([
    ['..', 'II.1..a', '".." would point outside the site\'s folders'],
    ['/', 'II/1', '"/" would split the page\'s web address and file name'],
    ['\\', 'II\\1', '"\\" would split the page\'s web address and file name'],
    ['a left-to-right mark (copied from the web)', 'II.1\u200ea', 'it contains the invisible character U+200E'],
    ['a C1 control character', 'II.1\u009ba', 'it contains the invisible character U+009B'],
    ['a soft hyphen', 'II.1.\u00ada', 'it contains the invisible character U+00AD'],
    ['70 letters', `II.${'a'.repeat(67)}`, 'it is 70 characters long (at most 64)'],
  ])('a task id with %s', (_, id, reason) => {
    const tasks = replaceLine(TASKS, 2, (line) => line.replace(/^II\.1\.a,/, `"${id}",`));
    const { dataset, errors } = loadWith({ [TASKS]: tasks });
    expect(dataset).toBeUndefined();
    expect(errors).toEqual([
      `${TASKS}:2: id ${JSON.stringify(id.length > 80 ? `${id.slice(0, 77)}…` : id)} is not a valid id: ${reason} (expected the plan's numbering: letters and digits joined by ".", like "II.1.a")`,
    ]);
  });

  it('a section id with "/" in plan.json', () => {
    const plan = text(PLAN).replace('"id": "II.1"', '"id": "II/1"');
    expect(loadWith({ [PLAN]: utf8(plan) }).errors[0]).toMatchInlineSnapshot(
      `"data/plans/2024-khac-phuc/plan.json: sections[2]: id "II/1" is not a valid id: "/" would split the page's web address and file name (expected the plan's numbering: letters and digits joined by ".", like "II.1.a")"`,
    );
  });

  it('a unit id with ".."', () => {
    const units = utf8(text('data/units.csv').replace('\nth,', '\n../th,'));
    expect(loadWith({ 'data/units.csv': units }).errors[0]).toMatchInlineSnapshot(
      `"data/units.csv:2: id "../th" is not a valid id: ".." would point outside the site's folders (expected lowercase letters, digits and "-", like "phong-hcqt")"`,
    );
  });
});

describe('one broken file does not bury its message under follow-on errors', () => {
  it('unreadable units.csv: tasks and reports naming units are not each reported', () => {
    const { all } = loadWith({ 'data/units.csv': new Uint8Array([0, 1, 2, 3]) });
    expect(all).toEqual([expect.stringMatching(/^data\/units\.csv:1: contains NUL bytes/)]);
  });

  it('unreadable tasks.csv: reports naming its tasks are not each reported', () => {
    const { all } = loadWith({ [TASKS]: utf8('id;title\n') });
    expect(all).toEqual([`${TASKS}:1: missing required columns section, due`]);
  });
});

describe('files over the size limit', () => {
  it('are refused without being read', () => {
    const { dataset, all, reads } = loadWith({}, 10_000);
    expect(dataset).toBeUndefined();
    expect(reads).not.toContain(TASKS);
    expect(all).toContain(
      `${TASKS}: is 14 KB; files over 10 KB are refused (a plan's files are usually well under 1 MB: is this the right file?)`,
    );
  });

  it('the default limit is 50 MB', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(50 * 1024 * 1024);
    const files = new Map(clean).set(TASKS, new Uint8Array(0));
    const source = memorySource(files);
    source.size = (path) => (path === TASKS ? 64_000_000 : files.get(path)?.length);
    const { issues } = loadDataset(source, { root: 'data', buildDate: '2024-11-30' });
    expect(issues.map(formatIssue)).toContain(
      `${TASKS}: is 61 MB; files over 50 MB are refused (a plan's files are usually well under 1 MB: is this the right file?)`,
    );
  });
});

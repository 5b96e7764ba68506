import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/load';
import {
  describeMarkdownHazard,
  findMarkdownHazard,
  MARKDOWN_MAX_LENGTH,
  MAX_BRACKETS,
  MAX_EMPHASIS_MARKS,
  MAX_LINES,
  MAX_LINKS,
  MAX_NESTING_TOTAL,
  MAX_TAGS,
  nestingOfLine,
  type MarkdownHazard,
} from '../../../src/lib/data/markdown-limits';
import { formatIssue, sortIssues } from '../../../src/lib/data/problems';
import { memorySource, readFolder } from '../../support/memory-source';

const NOTE = MARKDOWN_MAX_LENGTH.note;
const CONTENT = MARKDOWN_MAX_LENGTH.content;
const words = (n: number) => 'a '.repeat(n);
const kind = (text: string, max: number = CONTENT) => findMarkdownHazard(text, max)?.kind;

describe('findMarkdownHazard', () => {
  it.each([
    [
      'ordinary Markdown',
      'Đã ban hành **Kế hoạch** số 12/KH-VP, xem [Văn bản](http://vb/1).\n\n- Một\n  - Hai\n\n> Trích',
      undefined,
    ],
    ['a content at its cap', 'a'.repeat(CONTENT), undefined],
    ['a content over its cap', 'a'.repeat(CONTENT + 1), 'too-long'],
    [`${MAX_LINES} lines`, 'a\n'.repeat(MAX_LINES - 1) + 'a', undefined],
    ['one line more', 'a\n'.repeat(MAX_LINES) + 'a', 'lines'],
    [`${MAX_EMPHASIS_MARKS} stars, underscores and tildes`, '*_~'.repeat(333) + '*', undefined],
    ['one more', '*_~'.repeat(333) + '**', 'emphasis'],
    [`${MAX_BRACKETS} brackets`, '[a] '.repeat(MAX_BRACKETS / 2), undefined],
    ['one more', '[a] '.repeat(MAX_BRACKETS / 2) + ']', 'brackets'],
    [`${MAX_LINKS} links`, '[a](b) '.repeat(MAX_LINKS), undefined],
    ['one more', '[a](b) '.repeat(MAX_LINKS + 1), 'links'],
    [`${MAX_TAGS} tags`, '<b>'.repeat(MAX_TAGS), undefined],
    ['one more', '<b>'.repeat(MAX_TAGS) + '</b>', 'tags'],
    ['"<" that starts no tag', '< 5%, <= 3, a<2 '.repeat(MAX_TAGS), undefined],
    ['ten levels on a line', '- '.repeat(10) + 'a', undefined],
    ['eleven', '- '.repeat(11) + 'a', 'nesting'],
    ['eleven block quotes', '> '.repeat(11) + 'a', 'nesting'],
    ['ten levels by indentation', ' '.repeat(18) + '- a', undefined],
    ['eleven', ' '.repeat(20) + '- a', 'nesting'],
    ['deep indentation without a marker', ' '.repeat(40) + 'a', undefined],
    [`nesting adding up to ${MAX_NESTING_TOTAL}`, '- - a\n'.repeat(MAX_NESTING_TOTAL / 2), undefined],
    ['more', '- - a\n'.repeat(MAX_NESTING_TOTAL / 2) + '- a', 'nesting-total'],
  ])('%s', (_, text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it.each([
    ['closed within 1,000 characters', `[${words(499)}] ${words(2000)}`, undefined],
    ['left open for 1,001', `[${words(501)}`, 'open-bracket'],
    ['open until its paragraph ends', `[${words(450)}\n\n${words(2000)}`, undefined],
    ['open until a line of spaces', `[${words(450)}\n  \t\n${words(2000)}`, undefined],
    ['closed by an escaped ]', `[a\\] ${words(600)}`, 'open-bracket'],
    ['escaped itself', `\\[${words(600)}`, undefined],
    ['after an escaped backslash', `\\\\[${words(600)}`, 'open-bracket'],
    ['with its ] in a code span', `[a \`]\` ${words(600)}`, 'open-bracket'],
    ['with its ] after an escaped backtick', `[a \\\` ] ${words(600)}`, 'open-bracket'],
    ['with its ] in HTML', `[a <x y="]"> ${words(600)}`, 'open-bracket'],
    ['with its ] in a link destination', `[x [a](b]c) ${words(600)}`, 'open-bracket'],
    ['inside a closed one', `[a [b] c] ${words(600)}`, undefined],
    ['an image', `![${words(501)}`, 'open-bracket'],
  ])('a "[" %s', (_, text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('finds the line of an open "["', () => {
    expect(findMarkdownHazard(`Một\n\nHai [ba\n${words(600)}`, CONTENT)).toEqual({
      kind: 'open-bracket',
      line: 3,
      limit: 1000,
    });
  });

  it('refuses the notes of issue 15 before reading them', () => {
    expect(kind('*'.repeat(30000) + 'x' + '*'.repeat(30000), NOTE)).toBe('too-long');
    expect(kind('*'.repeat(2000) + 'x' + '*'.repeat(2000), NOTE)).toBe('emphasis');
    expect(kind('- '.repeat(2000) + 'a', NOTE)).toBe('nesting');
    expect(kind('> '.repeat(2000) + 'a', NOTE)).toBe('nesting');
    expect(kind('['.repeat(NOTE), NOTE)).toBe('brackets');
    expect(kind('<'.repeat(NOTE), NOTE)).toBe(undefined);
    expect(kind('<a'.repeat(2500), NOTE)).toBe('tags');
    expect(kind('|a'.repeat(2500), NOTE)).toBe(undefined);
  });
});

describe('nestingOfLine', () => {
  it.each([
    ['a', 0],
    ['- a', 1],
    ['1. a', 1],
    ['1) a', 1],
    ['1234567890. a', 0],
    ['-a', 0],
    ['-', 1],
    ['> a', 1],
    ['>> a', 2],
    ['> - a', 2],
    ['> > > a', 3],
    ['>   - a', 3],
    ['- >   - a', 3],
    ['  - a', 2],
    ['    - a', 3],
    ['\t- a', 3],
    ['- - - a', 3],
    ['-     a', 1],
    ['      a', 0],
  ])('%j: %i', (line, depth) => {
    expect(nestingOfLine(line, 0)).toBe(depth);
  });
});

describe('the refusals in words', () => {
  const hazards: MarkdownHazard[] = [
    { kind: 'too-long', length: 6214, limit: 5000 },
    { kind: 'lines', count: 2345, limit: 2000 },
    { kind: 'emphasis', count: 1204, limit: 1000 },
    { kind: 'brackets', count: 640, limit: 500 },
    { kind: 'links', count: 120, limit: 100 },
    { kind: 'tags', count: 51, limit: 50 },
    { kind: 'nesting', line: 3, depth: 12, limit: 10 },
    { kind: 'nesting-total', total: 2400, limit: 2000 },
    { kind: 'open-bracket', line: 3, limit: 1000 },
  ];

  it('say what is wrong, the limit and what to change, Vietnamese first', () => {
    expect(hazards.map(describeMarkdownHazard)).toMatchInlineSnapshot(`
      [
        "dài 6.214 ký tự, tối đa 5.000: hãy rút gọn (is 6,214 characters long; at most 5,000)",
        "có 2.345 dòng, tối đa 2.000: nối các dòng ngắn lại hoặc hãy rút gọn (has 2,345 lines; at most 2,000)",
        "có 1.204 dấu * _ ~, tối đa 1.000: bớt chữ đậm, nghiêng, gạch ngang, hoặc viết \\* \\_ \\~ để hiện đúng dấu đó (has 1,204 emphasis marks; at most 1,000)",
        "có 640 dấu [ ], tối đa 500: bớt liên kết, hoặc viết \\[ \\] để hiện đúng dấu đó (has 640 square brackets; at most 500)",
        "có 120 liên kết [ ](, tối đa 100: bớt liên kết (has 120 links; at most 100)",
        "có 51 chỗ viết < liền chữ như thẻ HTML, tối đa 50; thẻ HTML không hiện trên trang: bỏ chúng, hoặc viết \\< (has 51 HTML-like tags; at most 50)",
        "lồng 12 cấp danh sách, trích dẫn ở dòng 3 của văn bản, tối đa 10: bớt dấu - * + > hoặc số thứ tự và khoảng trắng ở đầu dòng (nests 12 lists or quotes on line 3 of the text; at most 10)",
        "có quá nhiều mục danh sách, trích dẫn lồng nhau: số cấp lồng ở đầu các dòng cộng lại là 2.400, tối đa 2.000: bớt mục hoặc bớt cấp lồng (the lines' nesting adds up to 2,400; at most 2,000)",
        "có dấu [ ở dòng 3 của văn bản không được đóng bằng ] trong 1.000 ký tự: thêm dấu ], hoặc viết \\[ để hiện đúng dấu [ (an unclosed "[" on line 3 of the text)",
      ]
    `);
  });
});

describe('loading data/ refuses such a field where it is', () => {
  const clean = readFolder('data');
  const PLAN_DIR = 'data/plans/2024-khac-phuc';
  const text = (path: string) => new TextDecoder().decode(clean.get(path)!);

  function errorsWith(changes: Record<string, string>): string[] {
    const files = new Map(clean);
    for (const [path, value] of Object.entries(changes)) files.set(path, new TextEncoder().encode(value));
    const result = loadDataset(memorySource(files), { root: 'data', buildDate: '2024-11-30' });
    expect(result.dataset).toBeUndefined();
    return sortIssues(result.issues.filter((i) => i.level === 'error')).map(formatIssue);
  }

  /** progress.csv with the note of its first report replaced. */
  const withNote = (note: string) => {
    const lines = text(`${PLAN_DIR}/progress.csv`).split('\n');
    lines[1] = lines[1]!.replace(/,"[^"]*",/, `,"${note}",`);
    return { [`${PLAN_DIR}/progress.csv`]: lines.join('\n') };
  };

  it('a note over its cap, at its line', () => {
    expect(errorsWith(withNote('a'.repeat(NOTE + 1)))).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/progress.csv:2: note dài 5.001 ký tự, tối đa 5.000: hãy rút gọn (is 5,001 characters long; at most 5,000)",
      ]
    `);
  });

  it('a note of 45 MB, without reading it through', () => {
    expect(errorsWith(withNote('a'.repeat(45 * 1024 * 1024)))[0]).toMatch(
      /progress\.csv:2: note dài 47\.185\.920 ký tự/,
    );
  });

  it('a note with an open "["', () => {
    expect(errorsWith(withNote(`Xem [văn bản ${words(600)}`))).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/progress.csv:2: note có dấu [ ở dòng 1 của văn bản không được đóng bằng ] trong 1.000 ký tự: thêm dấu ], hoặc viết \\[ để hiện đúng dấu [ (an unclosed "[" on line 1 of the text)",
      ]
    `);
  });

  it('a task whose content nests too deep', () => {
    const tasks = `${text(`${PLAN_DIR}/tasks.csv`)}II.1.z,II.1,Thử,"Một\n\n${'> '.repeat(11)}a",chanh-vp,th,,,2024-Q4\n`;
    expect(errorsWith({ [`${PLAN_DIR}/tasks.csv`]: tasks })).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/tasks.csv:40: content lồng 11 cấp danh sách, trích dẫn ở dòng 3 của văn bản, tối đa 10: bớt dấu - * + > hoặc số thứ tự và khoảng trắng ở đầu dòng (nests 11 lists or quotes on line 3 of the text; at most 10)",
      ]
    `);
  });

  it("plan.json's basis", () => {
    const plan = JSON.parse(text(`${PLAN_DIR}/plan.json`));
    plan.basis = '*'.repeat(MAX_EMPHASIS_MARKS + 1);
    expect(errorsWith({ [`${PLAN_DIR}/plan.json`]: JSON.stringify(plan) })).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/plan.json: basis: basis có 1.001 dấu * _ ~, tối đa 1.000: bớt chữ đậm, nghiêng, gạch ngang, hoặc viết \\* \\_ \\~ để hiện đúng dấu đó (has 1,001 emphasis marks; at most 1,000)",
      ]
    `);
  });

  it("a section's summary", () => {
    const plan = JSON.parse(text(`${PLAN_DIR}/plan.json`));
    plan.sections[0].summary = 'a'.repeat(CONTENT + 1);
    expect(errorsWith({ [`${PLAN_DIR}/plan.json`]: JSON.stringify(plan) })).toMatchInlineSnapshot(`
      [
        "data/plans/2024-khac-phuc/plan.json: sections[0]: summary dài 20.001 ký tự, tối đa 20.000: hãy rút gọn (is 20,001 characters long; at most 20,000)",
      ]
    `);
  });
});

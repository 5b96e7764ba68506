/** Markdown that is slow to parse: issue 15's patterns by size, and the costliest texts validation still accepts. */

/** Repeats a unit until the text is n characters long. */
const cycle = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** A text of n characters: the start, then filler. */
const fill = (start: string, n: number, filler = 'a a a a a\n') => start + cycle(filler, Math.max(0, n - start.length));
const growing = (n: number, line: (i: number) => string) => {
  let text = '';
  for (let i = 0; text.length < n; i++) text += line(i);
  return text.slice(0, n);
};

/** Issue 15's slow notes and their kin, each about n characters long. */
export const SLOW_PATTERNS: Record<string, (n: number) => string> = {
  'stars around an x': (n) => '*'.repeat(n / 2) + 'x' + '*'.repeat(n / 2),
  'nested emphasis': (n) => cycle('*a **a ', n / 2) + 'b' + cycle(' a** a*', n / 2),
  'emphasis closers only (a_ )': (n) => cycle('a_ ', n),
  'mismatched emphasis (*a_ )': (n) => cycle('*a_ ', n),
  'link closers only (a])': (n) => cycle('a]', n),
  'nested brackets': (n) => '['.repeat(n / 2) + 'a' + ']'.repeat(n / 2),
  '[ (](': (n) => cycle('[ (](', n),
  'html comments (</<!--)': (n) => '</' + cycle('<!--', n),
  'list markers on one line': (n) => cycle('- ', n) + 'a',
  'block quotes on one line': (n) => cycle('> ', n) + 'a',
  'an open [ before words': (n) => '[' + cycle('a\n', n),
  'an open [ before Vietnamese': (n) =>
    '[' + cycle('Chủ trì, phối hợp tham mưu ban hành kế hoạch về chuyển đổi số. ', n),
  'nested list items (- - a lines)': (n) => cycle('- - a\n', n),
  'a list item then lazy lines': (n) => '- a\n' + cycle('a\n', n),
};

/** The costliest texts found that validation accepts, each at the 20,000-character cap. */
export const ACCEPTED_WORST: Record<string, (n: number) => string> = {
  '1,000 stars around an x': (n) => fill('*'.repeat(500) + 'x' + '*'.repeat(500), n),
  'lines, then 1,000 stars': (n) => cycle('a a a a a\n', n - 1001) + '*'.repeat(500) + 'x' + '*'.repeat(500),
  'nested emphasis, 1,000 marks': (n) => fill(cycle('*a **a ', 1162) + 'b' + cycle(' a** a*', 1162), n),
  '1,000 emphasis closers': (n) => fill(cycle('a_ ', 3000), n),
  'lines, then 500 link closers': (n) => cycle('a a a a a\n', n - 1000) + cycle('a]', 1000),
  '100 links reading ahead for a title': (n) => fill(cycle('[a](b (', 700), n),
  '50 tags reading ahead': (n) => fill('</' + cycle('<!--', 196), n),
  '[ open for 1,000 characters, repeated': (n) => cycle(`[${cycle('a a a a a\n', 990)}]`, n),
  '200 lines nested 10 deep': (n) => fill(cycle(`${'- '.repeat(10)}a\n`, 200 * 21), n),
  'a list item, then 1,800 lazy lines': (n) => fill('- a\n', n, 'a a a a a \n'),
  'a table of 50 columns': (n) =>
    `${'|a'.repeat(50)}|\n${'|-'.repeat(50)}|\n` + cycle(`${'|b'.repeat(50)}|\n`, n - 204),
  'backtick runs of every length': (n) => growing(n, (i) => 'e' + '`'.repeat(i + 1)),
  headings: (n) => cycle('# a a a a a\n', n),
  'everything at its limit': (n) =>
    fill('*a* '.repeat(240) + '[ (]('.repeat(100) + '</' + '<!--'.repeat(49) + 'a]'.repeat(300) + '\n- - - - a\n', n),
  'ordinary Markdown': (n) =>
    cycle(
      '**Biện pháp:** Chủ trì, phối hợp với các cơ quan liên quan tham mưu ban hành kế hoạch; xem [Văn bản](http://vb/1).\n\n' +
        '- Một: báo cáo *kết quả* trước ngày 20 hằng tháng;\n- Hai `x`.\n\n| Quý | Số |\n|---|---|\n| I | 3 |\n\n',
      n,
    ),
};

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown } from '../../../src/lib/site/markdown';
import { findMarkdownHazard, MARKDOWN_MAX_ANY } from '../../../src/lib/data/markdown-limits';

// Every Markdown field renders within a time budget: validation refuses what would be slow (markdown-limits.ts), and
// renderMarkdown shows such text as text rather than parse it. Within the limits the costliest 20,000 characters
// found take 0.6 CPU seconds (bench/markdown.ts); unchecked, the patterns below took minutes. The bound is generous so
// that a busy machine does not fail the test, and still far below what a quadratic parse of the cap takes.
const BOUND_SECONDS = 10;

async function timed(text: string): Promise<{ html: string; seconds: number }> {
  const start = performance.now();
  const html = await renderMarkdown(text);
  return { html, seconds: (performance.now() - start) / 1000 };
}

/** Text that is refused is shown as escaped paragraphs: nothing of it becomes markup. */
function expectShownAsText(html: string): void {
  expect(html.replace(/<\/?p>/g, '')).not.toMatch(/[<>]/);
}

describe('the notes of issue 15 render at once: refused ones as text', () => {
  it.each([
    ['60 KB of stars around an x', '*'.repeat(30000) + 'x' + '*'.repeat(30000), 'refused'],
    ['nested emphasis', '*a **a '.repeat(2500) + 'b' + ' a** a*'.repeat(2500), 'refused'],
    ['brackets', '['.repeat(20000), 'refused'],
    ['images', '!['.repeat(10000), 'refused'],
    ['html-like "<"', '<a'.repeat(10000), 'refused'],
    ['comments', '</' + '<!--'.repeat(4000), 'refused'],
    ['backticks', Array.from({ length: 190 }, (_, i) => 'e' + '`'.repeat(i + 1)).join(''), 'parsed'],
    ['list markers on one line', '- '.repeat(10000) + 'a', 'refused'],
    ['block quotes on one line', '> '.repeat(10000) + 'a', 'refused'],
    ['a deep list', Array.from({ length: 150 }, (_, i) => '  '.repeat(i) + '- a').join('\n'), 'refused'],
    ['a chain of link references', '[a]: /b\n'.repeat(2000) + '\n' + '[a] '.repeat(2000), 'refused'],
    ['a table with 4,000 columns', '|a'.repeat(4000) + '\n' + '|-'.repeat(4000), 'parsed'],
    ['a "[" left open before many lines', '[' + 'a\n'.repeat(9999), 'refused'],
    ['a note of 1 MB', 'Đã ban hành. '.repeat(80000), 'refused'],
  ])('%s', async (_, text, expected) => {
    expect(findMarkdownHazard(text, MARKDOWN_MAX_ANY) ? 'refused' : 'parsed').toBe(expected);
    const { html, seconds } = await timed(text);
    if (expected === 'refused') expectShownAsText(html);
    expect(seconds).toBeLessThan(BOUND_SECONDS);
  });
});

// The ingredients of the slow patterns, and ordinary text to fill up to the cap.
const MARKS = ['*', '_', '~', '**', '[', ']', '![', '](', '[^', '`', '<', '<!--', '</', '<a ', '|', '|-', ':-', '\\'];
const STARTS = ['- ', '* ', '1. ', '> ', '  ', '    ', '[a]: /b ', '# '];
const FILLER = ['a', 'a ', 'a\n', '\n', '\n\n', 'www.a.vn ', 'a@b.vn ', 'Đã ban hành văn bản số 12/KH-VP; '];

const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...MARKS), fc.integer({ min: 1, max: 150 })),
  fc.tuple(
    fc.constantFrom(...STARTS).map((start) => `\n${start}`),
    fc.integer({ min: 1, max: 12 }),
  ),
  fc.tuple(fc.constantFrom(...FILLER), fc.integer({ min: 1, max: 3000 })),
  fc.tuple(
    fc.array(fc.constantFrom(...MARKS, ...STARTS, ...FILLER), { maxLength: 60 }).map((s) => s.join('')),
    fc.constant(30),
  ),
);
const markdown = fc.array(piece, { minLength: 1, maxLength: 20 }).map((pieces) =>
  pieces
    .map(([unit, times]) => unit.repeat(times))
    .join('')
    .slice(0, MARKDOWN_MAX_ANY),
);

describe('random Markdown up to the cap renders within the budget', () => {
  it('whether validation accepts it (parsed) or refuses it (shown as text)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const refused = findMarkdownHazard(text.trim(), MARKDOWN_MAX_ANY) !== undefined;
        const { html, seconds } = await timed(text);
        if (refused) expectShownAsText(html);
        else accepted++;
        expect(seconds).toBeLessThan(BOUND_SECONDS);
      }),
      { numRuns: 60 },
    );
    // Most runs must reach the parser, or the test would only show that refusing is quick.
    expect(accepted).toBeGreaterThanOrEqual(15);
  });
});

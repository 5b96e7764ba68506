import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/site/markdown';
import { TaskSchema } from '../../../src/lib/data/schema';
import { cleanMultiline } from '../../../src/lib/text';

describe('cleanMultiline (Markdown fields)', () => {
  it.each([
    ['keeps a blank line between paragraphs', 'Một.\n\nHai.', 'Một.\n\nHai.'],
    ['turns Windows line ends into \\n', 'Một.\r\n\r\nHai.', 'Một.\n\nHai.'],
    ['keeps list indentation', '- a\n  - b', '- a\n  - b'],
    ['drops blank edges', '\n\n  Một.\nHai.\n\n', 'Một.\nHai.'],
    ['turns no-break spaces into spaces', 'Quyết\u00a0định', 'Quyết định'],
    ['normalises to NFC', 'Nghi\u0323 quyê\u0301t', 'Nghị quyết'],
  ])('%s', (_name, input, expected) => {
    expect(cleanMultiline(input)).toBe(expected);
  });
});

describe('task content from tasks.csv', () => {
  it('renders "Biện pháp thực hiện" after a blank line as its own paragraph', async () => {
    const row = TaskSchema.parse({
      id: 'II.3.b',
      section: 'II.3',
      title: 'T',
      content: 'Tham mưu.\n\n**Biện pháp thực hiện:** Văn phòng đã tham mưu.',
      due: '2024-Q2',
    });
    const html = await renderMarkdown(row.content);
    expect(html).toContain('<p>Tham mưu.</p>');
    expect(html).toContain('<p><strong>Biện pháp thực hiện:</strong> Văn phòng đã tham mưu.</p>');
  });

  it('still collapses line breaks in one-line fields such as the title', () => {
    expect(TaskSchema.parse({ id: 'a', section: 'I', title: 'Hai\ndòng', due: '2024-Q2' }).title).toBe('Hai dòng');
  });
});

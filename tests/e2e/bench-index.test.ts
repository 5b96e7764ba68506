import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYSTROKES, measureIndex } from '../../bench/node/measure-index';

// A stand-in for the built /tasks/ page: rows, and (optionally) a <task-filter> with a search box that hides rows.
const ROWS = Array.from(
  { length: 300 },
  (_, i) => `<tr><td>Nhiệm vụ ${i} về ${i % 3 ? 'chuyển đổi số' : 'cải cách hành chính'}</td></tr>`,
).join('');
const FILTER = `<script>
customElements.define('task-filter', class extends HTMLElement {
  connectedCallback() {
    const rows = [...this.querySelectorAll('tbody tr')].map((el) => [el, el.textContent.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/đ/g, 'd').toLowerCase()]);
    const input = this.querySelector('input');
    const count = this.querySelector('[data-count]');
    input.addEventListener('input', () => {
      const q = input.value.toLowerCase();
      let shown = 0;
      for (const [el, text] of rows) { el.hidden = !text.includes(q); if (!el.hidden) shown++; }
      count.textContent = shown + ' nhiệm vụ';
    });
  }
});
</script>`;

function site(withFilter: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-index-'));
  mkdirSync(join(dir, 'tasks'));
  const body = `<task-filter>${withFilter ? '<input type="search" aria-label="Tìm"><p data-count aria-live="polite"></p>' : ''}<table><tbody>${ROWS}</tbody></table></task-filter>`;
  writeFileSync(
    join(dir, 'tasks/index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Nhiệm vụ</title></head><body>${body}${withFilter ? FILTER : ''}</body></html>`,
  );
  return dir;
}

describe('the benchmark in Chromium on a /tasks/ page', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('times every keystroke of the search box that changes the table', async () => {
    const dir = site(true);
    dirs.push(dir);
    const m = await measureIndex(dir, 1);
    expect(m.gzKb).toBeGreaterThan(0);
    expect(m.requests).toBeGreaterThanOrEqual(1);
    expect(m.search?.keystrokes).toBe(KEYSTROKES.length);
    expect(m.search?.times.length).toBeGreaterThan(10);
    expect(m.search!.worstMs).toBeGreaterThanOrEqual(m.search!.medianMs);
  });

  it('reports no search times, and says why, when the page has no filter yet', async () => {
    const dir = site(false);
    dirs.push(dir);
    const m = await measureIndex(dir, 1);
    expect(m.search).toBeNull();
    expect(m.searchNote).toContain('task-filter input[type=search]');
  });
});

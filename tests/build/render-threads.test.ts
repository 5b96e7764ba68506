import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runThreads } from '../../src/node/build/run-render-threads';

// Stand-ins for the site's server bundle (src/node/build/render-entry.ts): each exports render(share) as the real one does.
const dir = mkdtempSync(join(tmpdir(), 'render-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundle(name: string, body: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `export async function render({ outDir, next }) {\n${body}\n}\n`);
  return file;
}

/** Takes pages from the shared counter like the real threads, "rendering" each by taking it; page 5 fails when asked to. */
const sharing = (failFive: boolean) => `
  const pages = 40; const failures = [];
  for (;;) { const i = Atomics.add(next, 0, 1); if (i >= pages) break;
    if (${failFive} && i === 5) { console.error('Error while trying to render /plans/x/tasks/5/: boom'); failures.push({ path: '/plans/x/tasks/5/', status: 500 }); }
  }
  return { pages, failures };`;

describe('the render threads of a build', () => {
  it('share the pages: every page is rendered once, whatever the number of threads', async () => {
    const result = await runThreads(bundle('ok', sharing(false)), dir, process.env, [], 3).result;
    expect(result).toEqual({ ok: true, pages: 40 });
  });

  it('name every page that did not render, with what the thread printed about it', async () => {
    const result = await runThreads(bundle('fails', sharing(true)), dir, process.env, [], 2).result;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/1 of 40 page\(s\) did not render:\n {2}\/plans\/x\/tasks\/5\/ \(status 500\)/);
    expect(result.message).toContain('boom');
  });

  it('fail the build when a thread throws, with the error', async () => {
    const result = await runThreads(
      bundle('throws', "throw new Error('the bundle is broken');"),
      dir,
      process.env,
      [],
      2,
    ).result;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('the bundle is broken');
  });

  it('fail the build when the threads do not list the same pages', async () => {
    const result = await runThreads(
      bundle('differ', 'const pages = 10 + Atomics.add(next, 0, 1); return { pages, failures: [] };'),
      dir,
      process.env,
      [],
      2,
    ).result;
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/the render threads listed different pages/) });
  });
});

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/node/build/build-site';
import { copyData, type TempData } from '../support/temp-data';

// A copy of the project's code inside the project (so it finds node_modules), changed as a developer would change it.
const project = resolve(`.tmp/bundle-cache-${process.pid}`);
const cache = join(project, '.cache', 'bundle');
let data: TempData;

/** Every file under dir, relative to it. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Builds the copy of the project from `data` (with the bundle cache, or without); returns the log and the site's folder. */
async function build(name: string, useCache = true): Promise<{ log: string; dir: string }> {
  const lines: string[] = [];
  const dir = join(project, name);
  const result = await buildSite({
    root: project,
    outDir: dir,
    dataDir: data.dataDir,
    archiveCache: false,
    bundleCache: useCache ? cache : false,
    log: (line) => lines.push(line),
  });
  expect(result.ok, lines.join('\n')).toBe(true);
  return { log: lines.join('\n'), dir };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const TASK = 'plans/2024-khac-phuc/tasks/II.3.b/index.html';

describe('the bundle cache', () => {
  beforeAll(() => {
    mkdirSync(project, { recursive: true });
    for (const path of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
      cpSync(path, join(project, path), { recursive: true });
    data = copyData('bundle-cache-');
  });
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    data.cleanup();
  });

  it('bundles afresh on the first build, reuses the bundle when only the data changed, and bundles again after a code change', async () => {
    const first = await build('first');
    expect(first.log).toMatch(/^Bundled in [\d.]+ s; \d+ files/m);
    expect(first.log).not.toContain('Bundle reused');

    data.edit('data/plans/2024-khac-phuc/tasks.csv', 'Giáo dục chính trị tư tưởng', 'Giáo dục chính trị, tư tưởng');
    const dataOnly = await build('data-only');
    expect(dataOnly.log).toContain('Bundle reused from');
    expect(dataOnly.log).not.toMatch(/^Bundled in/m);
    expect(read(dataOnly.dir, 'plans/2024-khac-phuc/tasks/II.1.a/index.html')).toContain(
      'Giáo dục chính trị, tư tưởng',
    );
    // The same site, file for file and byte for byte, as a build that bundles afresh.
    const fresh = await build('data-only-fresh', false);
    expect(walk(dataOnly.dir)).toEqual(walk(fresh.dir));
    expect(
      walk(fresh.dir).filter((f) => !readFileSync(join(fresh.dir, f)).equals(readFileSync(join(dataOnly.dir, f)))),
    ).toEqual([]);

    const layout = join(project, 'src', 'layouts', 'Base.astro');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('Bỏ qua điều hướng', 'Đến nội dung chính'));
    const codeChanged = await build('code-changed');
    expect(codeChanged.log).toMatch(/^Bundled in [\d.]+ s/m);
    expect(codeChanged.log).not.toContain('Bundle reused');
    expect(read(codeChanged.dir, TASK)).toContain('Đến nội dung chính');
    expect(read(dataOnly.dir, TASK)).toContain('Bỏ qua điều hướng');
  }, 180_000);
});

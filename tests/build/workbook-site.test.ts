import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForTest } from '../support/build-once';
import { GOLDEN_DIR, goldenOf, isGoldenFile, listGolden } from '../support/golden';
import { readFolder } from '../support/memory-source';
import { copyData, type TempData } from '../support/temp-data';
import { dataAsWorkbooks } from '../support/workbooks';

// The office keeps its tables in Excel: the same data as workbooks must give the same site, file for file.
describe('the default data written as workbooks', () => {
  let data: TempData;
  let dist: string;
  beforeAll(async () => {
    data = copyData('workbooks-');
    const workbooks = await dataAsWorkbooks(readFolder(data.dataDir, ''));
    for (const [path, bytes] of workbooks) {
      if (path.endsWith('.xlsx')) rmSync(join(data.dataDir, path.replace(/\.xlsx$/, '.csv')));
      writeFileSync(join(data.dataDir, path), bytes);
    }
    dist = await buildForTest(data.dataDir);
  });
  afterAll(() => {
    data.cleanup();
    rmSync(join(dist, '..'), { recursive: true, force: true });
  });

  it('gives the same site as the CSV files: every page and export of the golden output, byte for byte as text', () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dist, join(e.parentPath, e.name)).split('\\').join('/'));
    const built = files.filter(isGoldenFile).map((file) => goldenOf(file, readFileSync(join(dist, file))));
    expect(built.map((b) => b.file).sort()).toEqual(listGolden(GOLDEN_DIR));
    for (const { file, content } of built) expect(content, file).toBe(readFileSync(join(GOLDEN_DIR, file), 'utf8'));
  });
});

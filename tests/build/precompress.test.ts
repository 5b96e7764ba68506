import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressSite } from '../../src/node/build/precompress';

describe('precompressing a built site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const big = 'Nhiệm vụ rà soát, hoàn thiện quy định. '.repeat(200);
  const files: Record<string, string> = {
    'tasks/search-index.json': JSON.stringify([big, big]),
    'tasks/index.html': `<p>${big}</p>`,
    'exports/a.csv': big,
    'small.html': '<p>nhỏ</p>',
    'favicon.png': big,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }

  it('writes a .gz that unpacks to the same bytes beside each large text file, and none beside small files or images', async () => {
    const done = await precompressSite(dir, 4096);
    expect(done.files).toBe(3);
    for (const file of ['tasks/search-index.json', 'tasks/index.html', 'exports/a.csv'])
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`))).equals(readFileSync(join(dir, file))), file).toBe(true);
    expect(existsSync(join(dir, 'small.html.gz'))).toBe(false);
    expect(existsSync(join(dir, 'favicon.png.gz'))).toBe(false);
    expect(done.gzipBytes).toBeLessThan(done.bytes / 10);
    expect(readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

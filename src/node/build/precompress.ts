/**
 * Writes `<file>.gz` beside each large text file of a built site (the task index, its search file, exports, big
 * pages, the chart script), which nginx serves as it is (`gzip_static`, deploy/): compressed once, better than on
 * the fly, instead of on every request. Smaller files are left to the web server's on-the-fly compression.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { writeFileWhole } from '../write-whole';

const gzip = promisify(gzipCallback);

/** Files from this size on get a .gz (docs/performance.md, "Precompressed files"). */
const PRECOMPRESS_MIN_BYTES = 128 * 1024;

/** The text types of the site, which compress well (images and Office files are compressed already). */
const COMPRESSIBLE = /\.(?:html|json|csv|xml|js|mjs|css|svg|txt)$/;

/** zlib level 6: level 9 makes files 3 % smaller for 1.7 times the CPU time (docs/performance.md, "Precompressed files"). */
const GZIP_LEVEL = 6;

/** How many files are compressed at a time (zlib works in libuv's thread pool). */
const AT_ONCE = 4;

/** What precompressSite did. */
export interface Precompressed {
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** Writes a .gz (gzip level 6) beside every compressible file of dir of at least `min` bytes; each is written under a temporary name, then renamed. */
export async function precompressSite(dir: string, min = PRECOMPRESS_MIN_BYTES): Promise<Precompressed> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => statSync(file).size >= min);
  const done: Precompressed = { files: 0, bytes: 0, gzipBytes: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = readFileSync(file);
      const packed = await gzip(data, { level: GZIP_LEVEL });
      writeFileWhole(`${file}.gz`, packed);
      done.files++;
      done.bytes += data.length;
      done.gzipBytes += packed.length;
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return done;
}

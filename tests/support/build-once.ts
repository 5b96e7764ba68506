/** Builds the site once for a test run into a throwaway folder, under a sub-path, and serves it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildOptions } from '../../src/node/build/build-site';
import { serveStatic, type StaticServer } from '../../tools/static-server';

/** The base path e2e builds use, so every test also checks that links work under a sub-path. */
export const E2E_BASE = '/ke-hoach/';

/** Builds data/ (or dataDir) with base E2E_BASE into a temp folder; returns the folder. */
export async function buildForTest(
  dataDir?: string,
  base = E2E_BASE,
  options: Partial<BuildOptions> = {},
): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'site-')), 'dist');
  // Vitest's own BASE_URL/MODE/… in process.env do not reach Astro: the build passes on only the variables it knows.
  const saved = process.env.SITE_BASE;
  process.env.SITE_BASE = base;
  try {
    const result = await buildSite({ outDir: out, dataDir, log: () => {}, ...options });
    if (!result.ok) throw new Error('test build failed');
  } finally {
    if (saved === undefined) delete process.env.SITE_BASE;
    else process.env.SITE_BASE = saved;
  }
  return out;
}

/** A built and served site for a test file; call close() in afterAll. */
export async function buildAndServe(dataDir?: string): Promise<StaticServer & { dir: string }> {
  const dir = await buildForTest(dataDir);
  const server = await serveStatic(dir, E2E_BASE);
  return {
    ...server,
    dir,
    close: async () => {
      await server.close();
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

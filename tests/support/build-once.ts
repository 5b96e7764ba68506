/** Builds the site once for a test run into a throwaway folder, under a sub-path, and serves it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../src/node/build-site';
import { serveStatic, type StaticServer } from './static-server';

/** The base path e2e builds use, so every test also checks that links work under a sub-path. */
export const E2E_BASE = '/ke-hoach/';

/** Builds data/ (or dataDir) with base E2E_BASE into a temp folder; returns the folder. */
export async function buildForTest(dataDir?: string, base = E2E_BASE): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'site-')), 'dist');
  // Vitest puts its own import.meta.env values (BASE_URL=/, MODE=test …) into process.env, and Astro's build reads
  // them from there: left in place, every page would link to / instead of the base.
  const saved = Object.fromEntries(VITEST_ENV.map((key) => [key, process.env[key]]));
  for (const key of VITEST_ENV) delete process.env[key];
  process.env.SITE_BASE = base;
  try {
    const result = await buildSite({ outDir: out, dataDir, log: () => {} });
    if (!result.ok) throw new Error('test build failed');
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return out;
}

const VITEST_ENV = ['SITE_BASE', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

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

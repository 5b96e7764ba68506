/**
 * The first step of rendering the site (src/node/build/astro-build.ts runs it as `node astro-bundle.mjs ROOT OUTDIR`):
 * `astro build` as a server build whose adapter is the one below, so Astro and Vite bundle the site once — the
 * client scripts and styles into OUTDIR/client/ with public/, the pages and an App into OUTDIR/server/entry.mjs —
 * and the build's render threads render every page from that bundle (src/node/build/render-pages.ts). Plain JavaScript,
 * so the process starts without a TypeScript loader; only warnings and errors are logged.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

/**
 * The adapter of the bundling build (Astro's adapter API): its server entry is src/node/build/render-entry.ts, which Astro
 * bundles with the pages, and whose `render` the render threads call.
 * @returns {import('astro').AstroIntegration}
 */
function renderAdapter() {
  return {
    name: 'ke-hoach-render',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'ke-hoach-render',
          entrypointResolution: 'auto',
          serverEntrypoint: fileURLToPath(new URL('./render-entry.ts', import.meta.url)),
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', sharpImageService: 'unsupported' },
          adapterFeatures: { buildOutput: 'server' },
        });
      },
    },
  };
}

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) {
  console.error('usage: node astro-bundle.mjs ROOT OUTDIR');
  process.exit(2);
}
try {
  await build({ root, outDir, logLevel: 'warn', output: 'server', adapter: renderAdapter() });
} catch (error) {
  // What Astro's command line prints: where the error is when Astro knows, and the error.
  const e = /** @type {Error & { loc?: { file?: string; line?: number; column?: number } }} */ (error);
  if (e.loc?.file) console.error(`${e.loc.file}:${e.loc.line ?? 0}:${e.loc.column ?? 0}`);
  console.error(e.stack ?? String(e));
  process.exit(1);
}

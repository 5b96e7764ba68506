/**
 * A render thread of the build (src/node/build/astro-build.ts starts one per CPU): loads the site's server bundle and
 * renders its share of the pages (src/node/build/render-pages.ts), then posts what it did. Plain JavaScript, so the
 * thread starts without a TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** @type {{ entry: string; outDir: string; next: Int32Array }} */
const { entry, outDir, next } = workerData;
const { render } = await import(pathToFileURL(entry).href);
parentPort?.postMessage(await render({ outDir, next }));

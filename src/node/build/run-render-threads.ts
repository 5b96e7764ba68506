/** Runs the build's render threads (src/node/build/render-worker.mjs) over a server bundle and gathers what they did. */
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderResult } from './render-pages';

const RENDER_THREAD = fileURLToPath(new URL('./render-worker.mjs', import.meta.url));

/** Keeps the last lines a process or thread printed (but those matching `expected`), for the message when it fails. */
export function outputTail(expected?: RegExp): { add: (chunk: Buffer) => void; text: () => string } {
  let output = '';
  return {
    add: (chunk) => (output = (output + chunk.toString('utf8')).slice(-20_000)),
    text: () =>
      output
        .split('\n')
        .filter((line) => line.trim() !== '' && !expected?.test(line))
        .slice(-30)
        .join('\n'),
  };
}

/** What the render threads did together: every page rendered, or why not. */
export type ThreadsResult = { ok: true; pages: number } | { ok: false; message: string };

/** Runs `count` render threads over the bundle at entry, sharing one counter of pages; collects every page that failed. */
export function runThreads(
  entry: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  execArgv: string[],
  count: number,
): { workers: Worker[]; result: Promise<ThreadsResult> } {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const output = outputTail();
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(RENDER_THREAD, {
      workerData: { entry, outDir, next },
      env,
      execArgv,
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', output.add);
    worker.stderr.on('data', output.add);
    return worker;
  });
  const results = workers.map(async (worker) => {
    const done = new Promise<RenderResult | Error>((resolve) => {
      let result: RenderResult | undefined;
      worker.on('message', (message: RenderResult) => (result = message));
      worker.on('error', (error) => resolve(error));
      worker.on('exit', (code) =>
        resolve(result ?? new Error(`a render thread stopped (exit code ${code}) before it finished`)),
      );
    });
    // What the thread printed may arrive after it exits; the message on failure needs all of it.
    const [result] = await Promise.all([
      done,
      finished(worker.stdout).catch(() => {}),
      finished(worker.stderr).catch(() => {}),
    ]);
    return result;
  });
  return { workers, result: Promise.all(results).then((done) => gather(done, output.text())) };
}

function gather(done: (RenderResult | Error)[], output: string): ThreadsResult {
  const error = done.find((r): r is Error => r instanceof Error);
  if (error) return { ok: false, message: `${output}\n${error.stack ?? error.message}`.trim() };
  const rendered = done as RenderResult[];
  const pages = rendered[0]!.pages;
  if (rendered.some((r) => r.pages !== pages))
    return {
      ok: false,
      message: `the render threads listed different pages (${rendered.map((r) => r.pages).join(', ')})`,
    };
  const failures = rendered.flatMap((r) => r.failures).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (failures.length === 0) return { ok: true, pages };
  const list = failures
    .slice(0, 20)
    .map((f) => `  ${f.path} (status ${f.status})`)
    .join('\n');
  const more = failures.length > 20 ? '\n  …' : '';
  return { ok: false, message: `${failures.length} of ${pages} page(s) did not render:\n${list}${more}\n${output}` };
}

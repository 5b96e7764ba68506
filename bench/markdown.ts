/**
 * `npm run bench:markdown [--fast-path] [--quick]`: how long Markdown takes to render. By default, issue 15's slow
 * patterns by size with the parser alone (what validation now refuses), then the costliest texts validation accepts;
 * each render in a child process, in CPU seconds. `--fast-path`: every Markdown field of the synthetic province
 * rendered with and without renderMarkdown's fast path, in the same run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { ACCEPTED_WORST, SLOW_PATTERNS } from './lib/markdown-cases';
import { FULL_SIZE, generateProvince, QUICK_SIZE } from './lib/province';
import { findMarkdownHazard, MARKDOWN_MAX_ANY } from '../src/lib/data/markdown-limits';

const TIMEOUT_MS = 60_000;
const { values } = parseArgs({ options: { 'fast-path': { type: 'boolean' }, quick: { type: 'boolean' } } });

/** CPU seconds to render text in a fresh child process, or why it did not finish. */
function renderInChild(text: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.resolve('./node/markdown-child.ts'))],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
      },
    );
    let out = '';
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', () => {
      clearTimeout(timer);
      if (out === '') return resolve(`> ${TIMEOUT_MS / 1000} s`);
      const { cpu, error } = JSON.parse(out) as { cpu: number; error?: string };
      resolve(error ? `${cpu.toFixed(2)} s, then: ${error}` : `${cpu.toFixed(2)} s`);
    });
    child.stdin.end(text);
  });
}

async function slowPatterns(sizes: number[]): Promise<void> {
  console.log(
    `Issue 15's patterns, parser alone (CPU seconds at ${sizes.join(', ')} characters; validation at the cap)`,
  );
  for (const [name, make] of Object.entries(SLOW_PATTERNS)) {
    const cells: string[] = [];
    for (const size of sizes) {
      const cell = await renderInChild(make(size));
      cells.push(cell);
      if (cell.startsWith('>')) break;
    }
    const hazard = findMarkdownHazard(make(MARKDOWN_MAX_ANY - 10), MARKDOWN_MAX_ANY);
    console.log(`  ${name.padEnd(34)} ${cells.join(' | ')}; ${hazard ? `refused (${hazard.kind})` : 'accepted'}`);
  }
}

async function acceptedWorst(): Promise<void> {
  console.log(`The costliest texts validation accepts, ${MARKDOWN_MAX_ANY} characters (CPU seconds)`);
  for (const [name, make] of Object.entries(ACCEPTED_WORST)) {
    const text = make(MARKDOWN_MAX_ANY);
    const hazard = findMarkdownHazard(text, MARKDOWN_MAX_ANY);
    const result = hazard ? `refused (${hazard.kind}): this case needs mending` : await renderInChild(text);
    console.log(`  ${name.padEnd(38)} ${result}`);
  }
}

/** Every Markdown field of the synthetic province, as the build meets them. */
function provinceFields(): string[] {
  const files = generateProvince({ ...(values.quick ? QUICK_SIZE : FULL_SIZE), seed: 7, year: 2024 });
  const fields: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('plan.json')) {
      const plan = JSON.parse(text) as { basis?: string; summary?: string; sections: { summary?: string }[] };
      fields.push(plan.basis ?? '', plan.summary ?? '', ...plan.sections.map((s) => s.summary ?? ''));
    } else if (path.endsWith('tasks.csv') || path.endsWith('progress.csv')) {
      const column = path.endsWith('tasks.csv') ? 'content' : 'note';
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      fields.push(...rows.map((row) => row[column] ?? ''));
    }
  }
  return fields.filter((field) => field.trim() !== '');
}

async function fastPath(): Promise<void> {
  const fields = provinceFields();
  console.log(`${fields.length} Markdown fields, ${new Set(fields).size} different`);
  const best = { with: Infinity, without: Infinity };
  for (let round = 1; round <= 2; round++) {
    for (const fast of [true, false]) {
      // A fresh copy of markdown.ts each time, so that neither pass finds the other's parses in its memo.
      const url = `${import.meta.resolve('../src/lib/site/markdown.ts')}?${fast}-${round}`;
      const markdown = (await import(url)) as typeof import('../src/lib/site/markdown');
      await markdown.renderWithParser('*warm* [up](x)');
      const start = performance.now();
      for (const field of fields)
        await (fast ? markdown.renderMarkdown(field) : markdown.renderWithParser(field.trim()));
      const seconds = (performance.now() - start) / 1000;
      best[fast ? 'with' : 'without'] = Math.min(best[fast ? 'with' : 'without'], seconds);
      console.log(`  round ${round}, ${fast ? 'with the fast path' : 'parser only'}: ${seconds.toFixed(2)} s`);
    }
  }
  console.log(
    `fastest: ${best.with.toFixed(2)} s with, ${best.without.toFixed(2)} s without: ${(best.without / best.with).toFixed(1)}×`,
  );
}

if (values['fast-path']) await fastPath();
else {
  await slowPatterns(values.quick ? [2_000, 8_000] : [2_000, 8_000, 20_000, 60_000]);
  await acceptedWorst();
}

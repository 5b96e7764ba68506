/** `npm run import -- <plan.docx|.pdf|.txt> --id <plan-id> [--year 2024] [--data data] [--add-units] [--force] [--text]`: a plan into data/plans/<id>/. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeBytes } from '../src/lib/data/decode';
import { makeRequest, runImport, USAGE, type ImportEffects } from '../src/lib/import/run';
import { readPlanFile } from '../src/node/data/plan-file';

/** Reads a file as UTF-8 text; undefined when there is no such file. */
function readText(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const decoded = decodeBytes(readFileSync(path));
  if (!decoded.ok)
    throw new Error(`${path} is not UTF-8 text; save it as plain text with the Unicode (UTF-8) encoding`);
  return decoded.text;
}

/** Writes each file to a temp file beside it, then renames them all into place. */
function writeFiles(files: readonly { path: string; text: string }[]): void {
  const temps = files.map((f) => ({ ...f, temp: `${f.path}.${process.pid}.tmp` }));
  try {
    for (const f of temps) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.temp, f.text, 'utf8');
    }
    for (const f of temps) renameSync(f.temp, f.path);
  } finally {
    for (const f of temps) rmSync(f.temp, { force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        year: { type: 'string' },
        data: { type: 'string' },
        force: { type: 'boolean' },
        'add-units': { type: 'boolean' },
        text: { type: 'boolean' },
      },
    });
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    console.error(`error: expected one plan text file, received ${parsed.positionals.length}\n${USAGE}`);
    return 2;
  }
  const input = parsed.positionals[0];
  // --text: print the text as the importer reads it (the lines its messages count), and stop.
  const values = parsed.values.text && !parsed.values.id ? { ...parsed.values, id: 'text' } : parsed.values;
  const request = makeRequest({ ...values, input });
  if (!request.ok) {
    console.error(`error: ${request.message}\n${USAGE}`);
    return 2;
  }
  const plan = await readPlanFile(request.request.input);
  if (!plan.ok) {
    console.error(`error: ${plan.message}`);
    return 2;
  }
  if (parsed.values.text) {
    process.stdout.write(plan.text);
    return 0;
  }
  const effects: ImportEffects = {
    readText: (path) => (path === request.request.input ? plan.text : readText(path)),
    exists: existsSync,
    writeFiles,
  };
  let outcome;
  try {
    outcome = runImport(request.request, effects);
  } catch (e) {
    // A file that cannot be read (not UTF-8, a folder, no permission) is the caller's to fix.
    console.error(`error: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  for (const line of outcome.err) console.error(line);
  for (const line of outcome.out) console.log(line);
  return outcome.code;
}

process.exitCode = await main(process.argv.slice(2));

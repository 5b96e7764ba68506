/** `npm run import -- <plan.txt> --id <plan-id> [--year 2024] [--data data] [--force]`: a plan's text into data/plans/<id>/. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeBytes } from '../src/lib/data/decode';
import { makeRequest, runImport, USAGE, type ImportEffects } from '../src/lib/import/run';

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

const effects: ImportEffects = { readText, exists: existsSync, writeFiles };

function main(argv: string[]): number {
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
  const request = makeRequest({ ...parsed.values, input: parsed.positionals[0] });
  if (!request.ok) {
    console.error(`error: ${request.message}\n${USAGE}`);
    return 2;
  }
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

process.exitCode = main(process.argv.slice(2));

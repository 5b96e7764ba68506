/** An archived year's manifest.json: each file's SHA-256, the snapshot time and the frozen as-of date; building and checking it. */
import { z } from 'zod';
import { parseDate, type IsoDate } from '../dates';
import { errorAt, quote, type DataIssue } from './problems';

/** The name of the manifest inside an archived year's folder. */
export const MANIFEST_FILE = 'manifest.json';

/** What manifest.json holds. */
export interface ArchiveManifest {
  /** Layout version of this file. */
  format: 1;
  /** The year archived; also the folder name. */
  year: number;
  /** The date the year's plans were closed and are judged at. */
  as_of: IsoDate;
  /** When the snapshot was taken (ISO 8601, UTC). */
  snapshot_at: string;
  /** The plan ids archived, in folder order. */
  plans: string[];
  /** SHA-256 (hex) of every file in the folder except manifest.json, by path relative to the folder. */
  files: Record<string, string>;
}

const ManifestSchema = z.object({
  format: z.literal(1),
  year: z.number().int().min(1900).max(9999),
  as_of: z.string().refine((v) => parseDate(v) === v, { message: 'is not a date written YYYY-MM-DD' }),
  snapshot_at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: 'is not an ISO date-time' }),
  plans: z.array(z.string()),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, { message: 'is not a SHA-256 in hex' })),
});

/** What a manifest is built from: the year, dates, plans and each file's hash. */
export interface ManifestInput {
  year: number;
  asOf: IsoDate;
  snapshotAt: string;
  plans: readonly string[];
  /** SHA-256 (hex) by path relative to the archived year's folder. */
  hashes: ReadonlyMap<string, string>;
}

/** Builds a manifest; files are listed in code-point order so the same archive always gives the same text. */
export function buildManifest(input: ManifestInput): ArchiveManifest {
  const paths = [...input.hashes.keys()].filter((p) => p !== MANIFEST_FILE).sort(byCodePoint);
  return {
    format: 1,
    year: input.year,
    as_of: input.asOf,
    snapshot_at: input.snapshotAt,
    plans: [...input.plans].sort(byCodePoint),
    files: Object.fromEntries(paths.map((p) => [p, input.hashes.get(p)!])),
  };
}

/** The manifest as written to disk: indented JSON with a final newline. */
export function serializeManifest(manifest: ArchiveManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads manifest.json text; the manifest, or the problems that make it unusable. */
export function parseManifest(file: string, text: string): { manifest?: ArchiveManifest; issues: DataIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { issues: [errorAt({ file }, 'json-syntax', `is not valid JSON: ${(e as Error).message}`)] };
  }
  const result = ManifestSchema.safeParse(value);
  if (result.success) return { manifest: result.data as ArchiveManifest, issues: [] };
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return errorAt(
      { file, jsonPath: field || undefined },
      'invalid-manifest',
      `${field} ${issue.message}`.trim(),
      field,
    );
  });
  return { issues };
}

/** Compares an archived folder's files (path → SHA-256) with its manifest: every change, loss or addition is an error naming the file. */
export function verifyManifest(
  dir: string,
  manifest: ArchiveManifest,
  actual: ReadonlyMap<string, string>,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const manifestFile = `${dir}/${MANIFEST_FILE}`;
  const hint = `an archived file must not change; restore it from a backup, or re-freeze the year with npm run snapshot -- ${manifest.year} --force`;
  for (const [path, expected] of Object.entries(manifest.files)) {
    const found = actual.get(path);
    if (found === undefined)
      issues.push(
        errorAt(
          { file: `${dir}/${path}` },
          'archive-missing-file',
          `is listed in ${manifestFile} but missing; ${hint}`,
        ),
      );
    else if (found !== expected) {
      issues.push(
        errorAt(
          { file: `${dir}/${path}` },
          'archive-tampered',
          `does not match ${manifestFile} (SHA-256 expected ${expected.slice(0, 12)}…, found ${found.slice(0, 12)}…); ${hint}`,
        ),
      );
    }
  }
  for (const path of [...actual.keys()].sort(byCodePoint)) {
    if (path !== MANIFEST_FILE && !(path in manifest.files)) {
      issues.push(
        errorAt({ file: `${dir}/${path}` }, 'archive-extra-file', `is not listed in ${manifestFile}; ${hint}`),
      );
    }
  }
  return issues;
}

/** Checks that the manifest belongs to its folder: the year in it is the folder's name. */
export function checkManifestYear(dir: string, folderYear: number, manifest: ArchiveManifest): DataIssue[] {
  if (manifest.year === folderYear) return [];
  return [
    errorAt(
      { file: `${dir}/${MANIFEST_FILE}`, jsonPath: 'year' },
      'archive-year',
      `year ${quote(String(manifest.year))} is not the folder's year ${folderYear}`,
      'year',
    ),
  ];
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An archived year's seal: `archive/<year>.seal`, beside the year's folder, holds the SHA-256 of its manifest.json in
 * the format of `sha256sum`. The manifest pins every file of the year; the seal pins the manifest, so that removing a
 * file together with its manifest entry, or rewriting the manifest, is refused too. The seal lies outside the year's
 * folder, in a file of its own that only `npm run snapshot` writes, so that changing it is a change of its own that
 * shows (in `git diff`, in a review) rather than an edit made along with the year's files.
 */
import { MANIFEST_FILE } from './manifest';
import { errorAt, type DataIssue } from './problems';

/** The seal of a year, beside its folder: `<archive root>/<year>.seal`. */
export function sealPath(root: string, year: number): string {
  return `${root}/${year}.seal`;
}

/** The seal's text: `<sha256 of manifest.json>  <year>/manifest.json`, which `sha256sum -c` checks from the archive folder. */
export function serializeSeal(year: number, manifestSha256: string): string {
  return `${manifestSha256}  ${year}/${MANIFEST_FILE}\n`;
}

const SEAL_LINE = /^([0-9a-f]{64}) [ *](\d{4})\/manifest\.json\r?\n?$/;

/** Checks a year's manifest against its seal (text undefined: no seal); every problem names the seal and what to do. */
export function checkSeal(input: {
  root: string;
  year: number;
  /** The seal's text, or undefined when there is none. */
  text: string | undefined;
  manifestSha256: string;
}): DataIssue[] {
  const file = sealPath(input.root, input.year);
  const manifest = `${input.root}/${input.year}/${MANIFEST_FILE}`;
  const restore = `restore the archive from a backup or from git (git checkout -- ${input.root})`;
  if (input.text === undefined)
    return [
      errorAt(
        { file },
        'archive-seal-missing',
        `is missing: it pins ${manifest}, and npm run snapshot -- ${input.year} writes it; ${restore}. For a year archived before seals existed whose files are known to be right: cd ${input.root} && sha256sum ${input.year}/${MANIFEST_FILE} > ${input.year}.seal`,
      ),
    ];
  const line = SEAL_LINE.exec(input.text);
  if (!line || Number(line[2]) !== input.year)
    return [
      errorAt(
        { file },
        'archive-seal',
        `is not a seal of ${input.year} (expected one line "<SHA-256>  ${input.year}/${MANIFEST_FILE}"); ${restore}`,
      ),
    ];
  if (line[1] === input.manifestSha256) return [];
  return [
    errorAt(
      { file: manifest },
      'archive-seal',
      `does not match ${file} (SHA-256 expected ${line[1]!.slice(0, 12)}…, found ${input.manifestSha256.slice(0, 12)}…): the manifest was changed, so files may have been removed or replaced along with their entries; ${restore}`,
    ),
  ];
}

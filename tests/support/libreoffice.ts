/** LibreOffice, headless (Debian's libreoffice-writer): converts a document as a person's office suite opens it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice program ($SOFFICE_PATH, else soffice on the PATH). */
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';

/** Whether LibreOffice is installed. */
export function hasLibreOffice(): boolean {
  try {
    execFileSync(SOFFICE, ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts a file with LibreOffice into `outDir` (`pdf`, or `txt:Text (encoded):UTF8`); returns the new file's path.
 * A profile of its own, so that other LibreOffice processes on the machine do not get in the way.
 */
export function convertWithLibreOffice(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
}

/** A text file LibreOffice wrote, without its byte-order mark. */
export function readConverted(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\ufeff/, '');
}

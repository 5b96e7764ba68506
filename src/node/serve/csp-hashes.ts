/** The hashes by which the Content-Security-Policy allows the site's inline scripts (src/lib/inline-scripts.ts). */
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from '../../lib/site/inline-scripts';

/** A script's CSP hash source, `sha256-<base64>`, of its text as it stands between the tags. */
function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The hash of every inline script the site's pages may hold. */
export function siteScriptHashes(): string[] {
  return INLINE_SCRIPTS.map(scriptHash);
}

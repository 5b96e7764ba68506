/** SHA-256 of file bytes, for archive manifests and report digests. */
import { createHash } from 'node:crypto';

/** SHA-256 of bytes (or UTF-8 text) in lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

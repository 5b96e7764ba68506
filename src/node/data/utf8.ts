/** Strict UTF-8 decoding with Node's own converters, for the loader (DataSource.decodeUtf8). */
import { isUtf8, transcode } from 'node:buffer';
import type { Utf8Decoder } from '../../lib/data/decode';

/** TextDecoder's result (fatal, BOM kept) in about half the time for Vietnamese text: validate, convert to UTF-16, copy. */
export const decodeUtf8Node: Utf8Decoder = (bytes) => {
  if (!isUtf8(bytes)) return undefined;
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
};

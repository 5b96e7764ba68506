/**
 * Names that work on every file system the published site may be copied to: a Windows server or a case-insensitive
 * share as well as the Linux one it is built on. Windows keeps some names for devices, and such shares hold one
 * folder where Linux has two that differ only in case.
 */
import { quote } from './problems';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?:\.|$)/i;

/** The device name Windows reserves that a file or folder name is, with or without an extension ("AUX" for "aux.1"), or undefined. */
export function windowsReservedName(name: string): string | undefined {
  return WINDOWS_RESERVED.exec(name)?.[1]!.toUpperCase();
}

/** Where an id was first seen, by its lower-case form. */
export type FoldedIds = Map<string, { id: string; at: string }>;

/** Ids that differ only in case name one folder on a Windows server or a case-insensitive share: the problem, or undefined (the id is then remembered). */
export function caseClash(id: string, seen: FoldedIds, at: string): string | undefined {
  const folded = id.toLowerCase();
  const first = seen.get(folded);
  if (!first) {
    seen.set(folded, { id, at });
    return undefined;
  }
  if (first.id === id) return undefined;
  return `id ${quote(id)} differs from ${quote(first.id)} (${first.at}) only in upper and lower case: on a Windows server or a case-insensitive share their pages would be one folder; make them differ by more than case`;
}

/** Bundled libraries' licence comments name their home pages; the intranet build keeps the notices, not the links. */

const LEGAL_COMMENT = /\/\*![\s\S]*?\*\//g;
const URL_LINE = /^[ \t]*\*?[ \t]*(?:https?:)?\/\/\S*[ \t]*\r?\n/gm;

/** Removes the lines that are only a URL from `/*! … *\/` licence comments; copyright and licence lines stay. */
export function dropUrlsFromLegalComments(code: string): string {
  return code.replace(LEGAL_COMMENT, (comment) => comment.replace(URL_LINE, ''));
}

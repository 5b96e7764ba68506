/** The arguments of `npm run serve-config` and `npm run serve-local`, checked before anything is written into an nginx configuration. */

/** What the command line asked for; the base is undefined when not given (the published site says which). */
export interface ServeArgs {
  target: string;
  base: string | undefined;
  port: number;
  listen: string | undefined;
}

/** The usage line of a command. */
export function serveUsage(command: string, defaultPort: number): string {
  return `Usage: npm run ${command} -- --target <dir> [--base /ke-hoach/] [--port ${defaultPort}] [--listen 127.0.0.1]`;
}

// Characters that would end or change an nginx directive, or that nginx reads as a variable or a comment.
const UNSAFE_IN_CONFIG = /[\s;{}'"$#\\]/;
const BASE = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

/** Reads `--target` (made absolute by `absolute`), `--base`, `--port` and `--listen`; every problem is listed, each naming the option and the value. */
export function parseServeArgs(
  argv: readonly string[],
  defaultPort: number,
  absolute: (path: string) => string,
): { ok: true; args: ServeArgs } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!['--target', '--base', '--port', '--listen'].includes(name)) problems.push(`${name}: unknown option`);
    else if (value === undefined || value.startsWith('--')) problems.push(`${name}: needs a value`);
    else given.set(name, value);
    if (value !== undefined && !value.startsWith('--')) i++;
  }
  const target = given.has('--target') ? absolute(given.get('--target')!) : undefined;
  if (target === undefined) problems.push('--target: missing (the folder given to npm run publish)');
  else if (UNSAFE_IN_CONFIG.test(target))
    problems.push(
      `--target: "${target}" holds a space, quote or one of ; { } $ # \\, which an nginx configuration cannot hold as is`,
    );
  const base = given.get('--base');
  if (base !== undefined && !BASE.test(base))
    problems.push(
      `--base: "${base}" is not a base path like / or /ke-hoach/ (letters, digits, . _ ~ -, ending with /)`,
    );
  const portText = given.get('--port');
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`--port: "${portText}" is not a port number from 1 to 65535`);
  const listen = given.get('--listen');
  if (listen !== undefined && !IPV4.test(listen) && !IPV6.test(listen))
    problems.push(`--listen: "${listen}" is not an IPv4 address (127.0.0.1) or a bracketed IPv6 address ([::1])`);
  if (problems.length > 0 || target === undefined) return { ok: false, problems };
  return { ok: true, args: { target: target.replace(/(.)\/+$/, '$1'), base, port, listen } };
}

/** The base path a built page was made for, read from the link to its stylesheet (`/ke-hoach/_astro/…`); undefined when it has none. */
export function baseOfBuiltPage(html: string): string | undefined {
  const match = /\s(?:href|src)="([^"]*\/)_astro\//.exec(html);
  return match?.[1];
}

/**
 * The nginx configuration that serves a publish target (`npm run serve-config`, deploy/): the site of
 * `<target>/current` under its base path, with the right types, precompressed files, caching, the site's 404 page,
 * a Content-Security-Policy and the other security headers, and a commented example of keeping it to the intranet.
 */
import { contentSecurityPolicy } from './csp';

/** What the configuration is for. */
export interface ServeOptions {
  /** The publish target, an absolute path: nginx serves `<target>/current`. */
  target: string;
  /** The base path the site was built for (SITE_BASE): `/` or `/ke-hoach/`. */
  base: string;
  port: number;
  /** The address to listen on; all of the server's addresses when absent. */
  listen?: string | undefined;
  /** The hashes (`sha256-…`) of the inline scripts the policy allows. */
  scriptHashes: readonly string[];
}

/** The file types the site serves. Text types get `; charset=utf-8` (see CHARSET_TYPES); .docx and .xlsx are zip files, for which a charset means nothing. */
export const MIME_TYPES: readonly (readonly [type: string, extensions: string])[] = [
  ['text/html', 'html'],
  ['text/css', 'css'],
  ['text/javascript', 'js mjs'],
  ['application/json', 'json'],
  ['text/csv', 'csv'],
  ['application/xml', 'xml'],
  ['text/plain', 'txt'],
  ['image/svg+xml', 'svg'],
  ['image/png', 'png'],
  ['image/x-icon', 'ico'],
  ['font/woff2', 'woff2'],
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
];

/** The types served with `; charset=utf-8`. */
export const CHARSET_TYPES = [
  'text/html',
  'text/css',
  'text/javascript',
  'application/json',
  'text/csv',
  'application/xml',
  'text/plain',
  'image/svg+xml',
];

/** What nginx compresses on the fly when a file has no .gz beside it (the build writes .gz for large files: src/node/precompress.ts). */
const GZIP_TYPES = CHARSET_TYPES.filter((t) => t !== 'text/html');

/** The server block for a publish target, to put in /etc/nginx/sites-available/ (`include`d in the `http` block). */
export function nginxServerBlock(o: ServeOptions): string {
  const root = `${o.target.replace(/\/+$/, '')}/current`;
  const headers = securityHeaders(o.scriptHashes);
  const site =
    o.base === '/'
      ? [`root ${root};`, '', ...siteLocations('/', undefined, headers)]
      : [
          '# Only the base path is the site; anything else is answered with its 404 page.',
          `location = ${o.base.slice(0, -1)} { return 301 ${o.base}; }`,
          'location / { return 404; }',
          ...siteLocations(o.base, root, headers),
        ];
  return [
    `# The action-plan site (ke-hoach-tien-do) of ${root}, under ${o.base}.`,
    '# Made by `npm run serve-config`; make it again after an upgrade of the site (the Content-Security-Policy names its',
    '# inline script by hash), then `sudo nginx -t && sudo systemctl reload nginx`.',
    'server {',
    ...indent([
      `listen ${o.listen ? `${o.listen}:` : ''}${o.port};`,
      'server_name _;',
      'server_tokens off;',
      '# Redirects (/units → /units/) keep the host and port the reader used.',
      'absolute_redirect off;',
      '',
      ...ACCESS_EXAMPLE,
      '',
      ...TYPES_AND_COMPRESSION,
      '',
      `error_page 404 ${o.base}404.html;`,
      '',
      '# Every answer carries these; a location with headers of its own repeats them (nginx does not add them up).',
      ...headers,
      '',
      ...site,
    ]),
    '}',
    '',
  ].join('\n');
}

/** The types of the files, with their charset, and how they are compressed. */
const TYPES_AND_COMPRESSION = [
  'types {',
  ...indent(MIME_TYPES.map(([type, ext]) => `${type} ${ext};`)),
  '}',
  'default_type application/octet-stream;',
  'charset utf-8;',
  `charset_types ${CHARSET_TYPES.join(' ')};`,
  '',
  '# The build writes a .gz beside each large file (task index, search file, exports): served as they are.',
  'gzip_static on;',
  '# Smaller files are compressed as they are sent.',
  'gzip on;',
  'gzip_vary on;',
  'gzip_comp_level 5;',
  'gzip_min_length 1024;',
  `gzip_types ${GZIP_TYPES.join(' ')};`,
];

/** The Content-Security-Policy and the other security headers; `always`, so 404 pages carry them too. */
function securityHeaders(scriptHashes: readonly string[]): string[] {
  return [
    `add_header Content-Security-Policy "${contentSecurityPolicy(scriptHashes)}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Referrer-Policy "same-origin" always;',
    '# For browsers older than frame-ancestors.',
    'add_header X-Frame-Options "SAMEORIGIN" always;',
  ];
}

/** The site's location and the one of its hashed assets (nginx drops a level's add_header where a location has its own). */
function siteLocations(base: string, alias: string | undefined, headers: readonly string[]): string[] {
  const aliasOf = (sub: string) => (alias ? [`alias ${alias}/${sub};`] : []);
  return [
    `location ${base} {`,
    ...indent([
      ...aliasOf(''),
      'index index.html;',
      '# Pages, exports and the search file: the browser asks each time whether it changed (ETag).',
      'add_header Cache-Control "no-cache" always;',
      ...headers,
      '# Files whose names hold a hash of their content never change: a year, without asking again.',
      `location ${base}_astro/ {`,
      ...indent([...aliasOf('_astro/'), 'add_header Cache-Control "public, max-age=31536000, immutable";', ...headers]),
      '}',
      '# Nothing hidden (a release keeps the list of its own assets in a dot file).',
      'location ~ /\\. { return 404; }',
    ]),
    '}',
  ];
}

const ACCESS_EXAMPLE = [
  '# Only the office may read the site. Either keep it to the intranet\'s networks (adjust them, then remove the "#"):',
  '#   allow 10.0.0.0/8;',
  '#   allow 172.16.0.0/12;',
  '#   allow 192.168.0.0/16;',
  '#   allow 127.0.0.1;',
  '#   deny all;',
  '# or ask for a name and password (sudo apt-get install apache2-utils;',
  '# sudo htpasswd -c /etc/nginx/ke-hoach.htpasswd <name>):',
  '#   auth_basic "Theo doi thuc hien ke hoach";',
  '#   auth_basic_user_file /etc/nginx/ke-hoach.htpasswd;',
];

/** A whole nginx.conf around the server block, for running nginx as an ordinary process (`nginx -p <dir> -c <dir>/nginx.conf`): tests, `npm run serve-local`. */
export function nginxStandaloneConfig(o: ServeOptions & { dir: string; user?: string | undefined }): string {
  const at = (name: string) => `${o.dir}/${name}`;
  return [
    '# nginx as an ordinary process in the foreground (tests, npm run serve-local); its files are in this folder.',
    'daemon off;',
    'worker_processes 2;',
    `pid ${at('nginx.pid')};`,
    `error_log ${at('error.log')} warn;`,
    // As root, nginx's workers would run as nobody, who may not read the target.
    ...(o.user ? [`user ${o.user};`] : []),
    'events { worker_connections 1024; }',
    'http {',
    ...indent([
      'access_log off;',
      'sendfile on;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${at(`temp-${t}`)};`),
      ...nginxServerBlock(o).trimEnd().split('\n'),
    ]),
    '}',
    '',
  ].join('\n');
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => (line ? `    ${line}` : line));
}

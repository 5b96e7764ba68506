import { describe, expect, it } from 'vitest';
import {
  CHARSET_TYPES,
  MIME_TYPES,
  nginxServerBlock,
  nginxStandaloneConfig,
} from '../../../src/lib/serve/nginx-config';
import { baseOfBuiltPage, parseServeArgs } from '../../../src/lib/serve/serve-args';

const OPTIONS = { target: '/srv/ke-hoach', base: '/ke-hoach/', port: 80, scriptHashes: ['sha256-AAA='] };
const absolute = (p: string) => (p.startsWith('/') ? p : `/home/vp/${p}`);

describe('the nginx configuration of a publish target', () => {
  it('serves <target>/current under the base path, everything else answered with the site’s 404 page', () => {
    const block = nginxServerBlock(OPTIONS);
    expect(block).toContain('    listen 80;\n');
    expect(block).toContain(
      '    location /ke-hoach/ {\n        alias /srv/ke-hoach/current/;\n        index index.html;',
    );
    expect(block).toContain('location /ke-hoach/_astro/ {\n            alias /srv/ke-hoach/current/_astro/;');
    expect(block).toContain('location = /ke-hoach { return 301 /ke-hoach/; }');
    expect(block).toContain('location / { return 404; }');
    expect(block).toContain('error_page 404 /ke-hoach/404.html;');
    expect(block).not.toContain('root ');
  });

  it('serves the root of the server with root (no alias) when the base is /', () => {
    const block = nginxServerBlock({ ...OPTIONS, base: '/', listen: '127.0.0.1', port: 8080 });
    expect(block).toContain('    listen 127.0.0.1:8080;\n');
    expect(block).toContain('    root /srv/ke-hoach/current;\n');
    expect(block).toContain('    location / {\n        index index.html;');
    expect(block).toContain('        location /_astro/ {\n            add_header Cache-Control');
    expect(block).not.toContain('alias');
    expect(block).toContain('error_page 404 /404.html;');
  });

  it('gives the text types a UTF-8 charset, and .docx and .xlsx their Office types', () => {
    const block = nginxServerBlock(OPTIONS);
    for (const ext of ['html', 'json', 'csv', 'xml']) {
      const type = MIME_TYPES.find(([, exts]) => exts.split(' ').includes(ext))![0];
      expect(CHARSET_TYPES, ext).toContain(type);
    }
    expect(block).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;');
    expect(block).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx;');
    expect(block).toContain(
      '    charset utf-8;\n    charset_types text/html text/css text/javascript application/json text/csv',
    );
  });

  it('caches hashed assets for a year and has the browser revalidate everything else', () => {
    const block = nginxServerBlock(OPTIONS);
    const assets = block.slice(block.indexOf('location /ke-hoach/_astro/'));
    expect(assets).toMatch(
      /^location \/ke-hoach\/_astro\/ \{\n\s+alias [^\n]+\n\s+add_header Cache-Control "public, max-age=31536000, immutable";/,
    );
    expect(block.slice(block.indexOf('location /ke-hoach/ {'))).toMatch(
      /^[^}]*add_header Cache-Control "no-cache" always;/,
    );
  });

  it('sends the security headers from every location that has headers of its own, and at the server level', () => {
    const block = nginxServerBlock(OPTIONS);
    const csp = `add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self';`;
    for (const header of [
      csp,
      'add_header X-Content-Type-Options "nosniff" always;',
      'add_header Referrer-Policy "same-origin" always;',
    ])
      expect(block.split(header).length - 1, header).toBe(3);
    expect(block).toContain("frame-ancestors 'self'\" always;");
    expect(block).not.toContain('unsafe-inline');
  });

  it('serves precompressed files and compresses the rest, and hides dot files', () => {
    const block = nginxServerBlock(OPTIONS);
    expect(block).toContain('gzip_static on;');
    expect(block).toContain('gzip on;');
    expect(block).toContain('location ~ /\\. { return 404; }');
  });

  it('shows how to keep the site to the intranet, commented out', () => {
    const lines = nginxServerBlock(OPTIONS).split('\n');
    const access = lines.filter((l) => /allow |deny |auth_basic/.test(l));
    expect(access.length).toBeGreaterThanOrEqual(6);
    expect(access.every((l) => l.trim().startsWith('#'))).toBe(true);
  });

  it('runs nginx as an ordinary process for tests: its pid, logs and temporary files in its own folder', () => {
    const conf = nginxStandaloneConfig({ ...OPTIONS, port: 40123, listen: '127.0.0.1', dir: '/tmp/n', user: 'root' });
    expect(conf).toContain('daemon off;\n');
    expect(conf).toContain('pid /tmp/n/nginx.pid;');
    expect(conf).toContain('user root;');
    expect(conf).toContain('client_body_temp_path /tmp/n/temp-client_body;');
    expect(conf).toContain('        listen 127.0.0.1:40123;');
    expect(nginxStandaloneConfig({ ...OPTIONS, dir: '/tmp/n' })).not.toContain('user ');
  });
});

describe('the arguments of serve-config', () => {
  it('reads the target (made absolute), the base, the port and the address', () => {
    expect(
      parseServeArgs(
        ['--target', 'site/', '--base', '/ke-hoach/', '--port', '8080', '--listen', '127.0.0.1'],
        80,
        absolute,
      ),
    ).toEqual({
      ok: true,
      args: { target: '/home/vp/site', base: '/ke-hoach/', port: 8080, listen: '127.0.0.1' },
    });
    expect(parseServeArgs(['--target', '/srv/x'], 80, absolute)).toEqual({
      ok: true,
      args: { target: '/srv/x', base: undefined, port: 80, listen: undefined },
    });
  });

  it.each([
    ['no target', [], ['--target: missing (the folder given to npm run publish)']],
    [
      'a target nginx cannot hold',
      ['--target', '/srv/kế hoạch;'],
      [
        '--target: "/srv/kế hoạch;" holds a space, quote or one of ; { } $ # \\, which an nginx configuration cannot hold as is',
      ],
    ],
    [
      'a base without slashes',
      ['--target', '/s', '--base', 'ke-hoach'],
      ['--base: "ke-hoach" is not a base path like / or /ke-hoach/ (letters, digits, . _ ~ -, ending with /)'],
    ],
    [
      'a port out of range',
      ['--target', '/s', '--port', '70000'],
      ['--port: "70000" is not a port number from 1 to 65535'],
    ],
    [
      'an address that is a name',
      ['--target', '/s', '--listen', 'intranet'],
      ['--listen: "intranet" is not an IPv4 address (127.0.0.1) or a bracketed IPv6 address ([::1])'],
    ],
    [
      'an unknown option and a missing value',
      ['--root', 'x', '--target'],
      ['--root: unknown option', '--target: needs a value', '--target: missing (the folder given to npm run publish)'],
    ],
  ])('refuses %s, naming the option and the value', (_name, argv, problems) => {
    expect(parseServeArgs(argv, 80, absolute)).toEqual({ ok: false, problems });
  });

  it('reads the base path a page was built for from its asset links', () => {
    expect(baseOfBuiltPage('<link rel="stylesheet" href="/ke-hoach/_astro/Base.x.css">')).toBe('/ke-hoach/');
    expect(baseOfBuiltPage('<script type="module" src="/_astro/a.js"></script>')).toBe('/');
    expect(baseOfBuiltPage('<p>no assets</p>')).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxServerBlock } from '../../src/lib/serve/nginx-config';
import { siteScriptHashes } from '../../src/node/serve/csp-hashes';

describe('deploy/ke-hoach.nginx.conf', () => {
  it('is what npm run serve-config prints for /srv/ke-hoach under /ke-hoach/ (print it again after a change)', () => {
    const printed = nginxServerBlock({
      target: '/srv/ke-hoach',
      base: '/ke-hoach/',
      port: 80,
      scriptHashes: siteScriptHashes(),
    });
    // To update: npm run -s serve-config -- --target /srv/ke-hoach --base /ke-hoach/ > deploy/ke-hoach.nginx.conf
    // (on a machine where /srv/ke-hoach/current does not exist or was built for /ke-hoach/).
    expect(readFileSync('deploy/ke-hoach.nginx.conf', 'utf8')).toBe(printed);
  });
});

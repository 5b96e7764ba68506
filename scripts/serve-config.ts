/** `npm run serve-config -- --target <dir> [--base /ke-hoach/] [--port 80] [--listen 127.0.0.1]`: prints the nginx server block that serves a publish target. */
import { resolve } from 'node:path';
import { nginxServerBlock } from '../src/lib/serve/nginx-config';
import { parseServeArgs, serveUsage } from '../src/lib/serve/serve-args';
import { serveOptions } from '../src/node/serve/nginx';

const parsed = parseServeArgs(process.argv.slice(2), 80, (p) => resolve(p));
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(problem);
  console.error(serveUsage('serve-config', 80));
  process.exit(2);
}
const served = serveOptions(parsed.args);
if (!served.ok) {
  console.error(served.message);
  process.exit(1);
}
if (served.note) console.error(served.note);
process.stdout.write(nginxServerBlock(served.options));

/** `npm run serve-local -- --target <dir> [--port 8080]`: serves a publish target with Debian's nginx and the configuration serve-config prints, on 127.0.0.1, until Ctrl-C. */
import { resolve } from 'node:path';
import { parseServeArgs, serveUsage } from '../src/lib/serve/serve-args';
import { NGINX, serveOptions, startNginx } from '../src/node/serve/nginx';

const parsed = parseServeArgs(process.argv.slice(2), 8080, (p) => resolve(p));
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(problem);
  console.error(serveUsage('serve-local', 8080));
  process.exit(2);
}
const served = serveOptions({ ...parsed.args, listen: parsed.args.listen ?? '127.0.0.1' });
if (!served.ok) {
  console.error(served.message);
  process.exit(1);
}
if (served.note) console.error(served.note);
const nginx = await startNginx(served.options).catch((error: Error) => {
  console.error(`${error.message}\n(Debian: sudo apt-get install nginx; another binary: NGINX_PATH=/path/to/nginx)`);
  process.exit(1);
});
console.log(
  `${NGINX} serves ${served.options.target}/current at ${nginx.url} (configuration: ${nginx.dir}/nginx.conf). Ctrl-C stops it.`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void nginx.stop().then(() => process.exit(0)));

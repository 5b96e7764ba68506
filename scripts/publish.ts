/** `npm run publish -- <target-dir> [--data DIR]`: builds a checked release into <target>/releases/ and switches <target>/current to it. */
import { parseArgs } from 'node:util';
import { runCommand } from '../src/node/cli';
import { publish } from '../src/node/releases/publish';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('Usage: npm run publish -- <target-dir> [--data DIR]   (a web server serves <target-dir>/current)');
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await runCommand('Publish', async () => {
  const result = await publish({ target: positionals[0]!, dataDir: values.data });
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
});

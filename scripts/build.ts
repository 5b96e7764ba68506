/** `npm run build`: validates data/, builds the site into a fresh folder, and only then replaces dist/. */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/node/build/build-site';
import { runCommand } from '../src/node/cli';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, data: { type: 'string' } } });
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await runCommand('Build', async () => ((await buildSite({ outDir: values.out!, dataDir: values.data })).ok ? 0 : 1));

/** `npm run build`: validates data/, builds the site into a fresh folder, and only then replaces dist/. */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/node/build/build-site';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, data: { type: 'string' } } });
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const result = await buildSite({ outDir: values.out!, dataDir: values.data });
process.exit(result.ok ? 0 : 1);

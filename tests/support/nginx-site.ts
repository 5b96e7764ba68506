/** A publish target of the default data, served by Debian's nginx with the generated configuration, for a test file. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { publish } from '../../src/node/releases/publish';
import { siteScriptHashes } from '../../src/node/serve/csp-hashes';
import { startNginx, type RunningNginx } from '../../src/node/serve/nginx';
import { E2E_BASE } from './build-once';
import { copyData, type TempData } from './temp-data';

/** A published and served target; close() stops nginx and removes everything. */
export interface NginxSite {
  /** The site's address under nginx, e.g. http://127.0.0.1:40123/ke-hoach/. */
  url: string;
  target: string;
  data: TempData;
  nginx: RunningNginx;
  /** Publishes the data again (a new release becomes current). */
  publishAgain(): Promise<string>;
  close(): Promise<void>;
}

/** Publishes a copy of data/ under E2E_BASE into a temp target, and starts nginx on a free port in front of it. */
export async function publishAndServe(): Promise<NginxSite> {
  const data = copyData('nginx-');
  const target = join(data.root, 'www');
  const publishOnce = async () => {
    const saved = process.env.SITE_BASE;
    process.env.SITE_BASE = E2E_BASE;
    try {
      const result = await publish({ target, dataDir: data.dataDir, log: () => {} });
      if (!result.ok) throw new Error(result.message);
      return result.release!;
    } finally {
      if (saved === undefined) delete process.env.SITE_BASE;
      else process.env.SITE_BASE = saved;
    }
  };
  await publishOnce();
  const nginx = await startNginx({ target, base: E2E_BASE, port: 0, scriptHashes: siteScriptHashes() });
  return {
    url: nginx.url,
    target,
    data,
    nginx,
    publishAgain: publishOnce,
    close: async () => {
      await nginx.stop();
      rmSync(data.root, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, driven headless by playwright-core (no browser download). */
import { chromium, type Browser } from 'playwright-core';

/** The flags this machine's Chromium needs: headless, no sandbox as root, no network chatter. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts /usr/bin/chromium (or $CHROMIUM_PATH). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Launches the headless Chromium the browser tests use: a system one when set, else the one `npm ci` installs.
import * as fs from 'fs';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package path: used when present, so a machine that has it needs no unpacking. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium, else the build shipped inside the
 * @sparticuz/chromium npm package (unpacked to the temp directory on first use), so `npm ci && npm test`
 * needs no apt step and no network.
 */
export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return sparticuz.executablePath();
}

/**
 * Flags for an offline, sandbox-less machine (CI containers run as root): no GPU, no background
 * traffic (component updates, sync, field trials would try the network), no first-run UI.
 * Playwright's launch() already gives every browser a fresh temporary user-data-dir.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

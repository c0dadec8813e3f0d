import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config/config';
import type { Databases } from '../../server/src/db/database';
import { TEST_ENV } from '../../server/test/test-app';
import { createTestDatabases } from '../../server/test/test-databases';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export interface RunningServer {
  baseUrl: string;
  dbs: Databases;
  config: Config;
  close(): Promise<void>;
}

/**
 * A clinic time zone in which it is now mid-morning (`Etc/GMT-9` at 01:00 UTC), so that "first available today"
 * finds times whatever hour the tests run; in UK time no times are left after 23:40. It also shows the web app
 * keeping the server's zone rather than the browser's.
 */
export function morningTimeZone(now = new Date()): string {
  const hoursAhead = ((10 - now.getUTCHours() + 36) % 24) - 12; // -12 … +11
  if (hoursAhead === 0) return 'Etc/UTC';
  // The Etc zones are named POSIX-style, with the sign reversed: Etc/GMT-9 is nine hours ahead of UTC.
  return `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`;
}

/** The real server with the built web app, on a free loopback port, on the run's database engine. */
export async function startServer(options: { recording?: boolean } = {}): Promise<RunningServer> {
  const dbs = await createTestDatabases();
  // Recording: a data directory of its own for the encrypted segments, and a key-encryption key for this run.
  const dataDir = options.recording ? fs.mkdtempSync(path.join(os.tmpdir(), 'confide-e2e-')) : null;
  const recording = dataDir ? { RECORDING: 'on', DATA_DIR: dataDir, RECORDING_KEK: randomBytes(32).toString('base64'), RECORDING_SEGMENT_SECONDS: '4' } : {};
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'warn', WEB_DIST_DIR: WEB_DIST, PORT: '0', CLINIC_TIME_ZONE: morningTimeZone(), ...recording });
  const app = await buildApp({ config, dbs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    // "localhost", not 127.0.0.1: browsers treat it as a secure context, so the __Host- Secure cookie works over http.
    baseUrl: `http://localhost:${port}`,
    dbs,
    config,
    close: async () => {
      await app.close();
      await dbs.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium (playwright cannot download browsers here), with fake camera and microphone. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
    ],
  });
}

/** No serious or critical accessibility violations on the page as it stands (WCAG 2.2 A and AA rules). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility on ${where}`).toEqual([]);
}

/** True when the page scrolls sideways (it should not, even at 360 px wide). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** A fresh browser context at phone size (360 x 740) on the server; closed by `closeAll`. */
export class PhoneBrowser {
  private readonly contexts: import('playwright-core').BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: this.baseUrl });
    this.contexts.push(context);
    return context.newPage();
  }

  async closeAll(): Promise<void> {
    for (const c of this.contexts) await c.close();
  }
}

/** Accessible (axe) and no sideways scrolling at phone width. */
export async function checkPage(page: Page, where: string): Promise<void> {
  await expectAccessible(page, where);
  expect(await scrollsSideways(page), `${where} scrolls sideways at 360px`).toBe(false);
}

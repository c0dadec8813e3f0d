import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config/config';
import type { Databases } from '../../server/src/db/database';
import { TEST_ENV } from '../../server/test/test-app';
import { createTestDatabases } from '../../server/test/test-databases';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export interface RunningServer {
  baseUrl: string;
  dbs: Databases;
  close(): Promise<void>;
}

/** The real server with the built web app, on a free loopback port, on the run's database engine. */
export async function startServer(): Promise<RunningServer> {
  const dbs = await createTestDatabases();
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'warn', WEB_DIST_DIR: WEB_DIST, PORT: '0' });
  const app = await buildApp({ config, dbs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    // "localhost", not 127.0.0.1: browsers treat it as a secure context, so the __Host- Secure cookie works over http.
    baseUrl: `http://localhost:${port}`,
    dbs,
    close: async () => {
      await app.close();
      await dbs.close();
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

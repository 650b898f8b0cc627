import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from './app';
import { buildViewer, chromiumOrSkip } from './browser';

/** A page of the viewer, with the errors it logged. */
export type ViewerPage = Page & { errors: string[] };

export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The hour the viewer shows, as the start of that hour (ISO). */
export const clockAt = (page: Page) => page.locator('#clock').getAttribute('data-at');

/**
 * The viewer on the shipped campaigns, in Chromium, for one spec file: it starts the service with
 * the campaigns loaded and the viewer built, once for the file, and stops both after it. Without
 * Chromium the file's tests are skipped with a message (or fail, where CI requires the browser).
 */
export function shippedViewer(env: Record<string, string> = {}) {
  let browser: Browser | undefined;
  let app: TestApp | undefined;

  beforeAll(async () => {
    browser = await chromiumOrSkip();
    if (!browser) return;
    app = await startTestApp({ LOAD_EVENTS: 'true', VIEWER_DIR: await buildViewer(), ...env });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const running = (): TestApp => {
    if (!app) throw new Error('the service of the viewer specs is not running');
    return app;
  };

  return {
    app: running,

    /** Opens a path of the service, once the map has drawn its first place. */
    open: async (path: string, viewport = DESKTOP): Promise<ViewerPage> => {
      if (!browser) throw new Error('no browser for the viewer specs');
      const page = Object.assign(await browser.newPage({ viewport }), { errors: [] as string[] });
      page.on('pageerror', (e) => page.errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
      await page.goto(`${running().url}${path}`);
      await page.locator('.place').first().waitFor();
      return page;
    },

    /** A test that is skipped, saying so, when there is no browser. */
    test: (name: string, body: () => Promise<void>, timeout = 60_000) => {
      it(
        name,
        async ({ skip }) => {
          if (!browser) return skip();
          await body();
        },
        timeout,
      );
    },
  };
}

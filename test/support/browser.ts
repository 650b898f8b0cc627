import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './server-process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Without it the browser tests are skipped with a message saying so
 * — unless REQUIRE_BROWSER=1 (as CI sets), when a missing browser fails the run.
 */
export async function chromiumOrSkip(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    const message = `no Chromium at ${CHROMIUM}: the viewer's browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(message);
    console.warn(`[browser] SKIPPED: ${message}`);
    return undefined;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds the viewer from its sources, as `npm run build` does, into a fresh folder. */
export async function buildViewer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'timeline-viewer-'));
  // Vite's types need a bundler-style module resolution; the tests are compiled as CommonJS
  const vite = 'vite';
  const { build } = (await import(vite)) as { build: (config: object) => Promise<unknown> };
  await build({ configFile: join(ROOT, 'apps/viewer/vite.config.mts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

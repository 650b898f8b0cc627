/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { buildViewer, chromiumOrSkip } from '../support/browser';

/**
 * The viewer on the shipped syria-2024, replaying as known now and as reported at the time. Hama
 * was taken by 18:00 on 5 December; its reports were published that day, so a replay as reported
 * learns of the capture only at the end of 5 December, local time.
 */
const C = 'syria-2024';
/** 17:00–18:00 local on 5 December, and the last hour of that day. */
const EVENING = '2024-12-05T14:00:00.000Z';
const LAST_HOUR = '2024-12-05T20:00:00.000Z';
const CAPTURE = 'hama-2024-12-05-hama-city-full-control';

let browser: Browser | undefined;
let app: TestApp;

beforeAll(async () => {
  browser = await chromiumOrSkip();
  if (!browser) return;
  app = await startTestApp({ LOAD_EVENTS: 'true', VIEWER_DIR: await buildViewer() });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page & { errors: string[] }> {
  const page = Object.assign(await browser!.newPage({ viewport }), { errors: [] as string[] });
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(`${app.url}${path}`);
  await page.locator('.place').first().waitFor();
  return page;
}

const hama = (page: Page) => page.locator('[data-place="hama"].place');
const clockAt = (page: Page) => page.locator('#clock').getAttribute('data-at');
const badge = (page: Page) => page.locator('#view-badge');

/** Steps hour by hour to the hour starting at `at`, each step waiting for its frame. */
async function stepTo(page: Page, at: string): Promise<void> {
  let now = Date.parse((await clockAt(page))!);
  while (now < Date.parse(at)) {
    await page.keyboard.press('ArrowRight');
    now += 3_600_000;
    const expected = new Date(now).toISOString();
    await expect.poll(() => clockAt(page)).toBe(expected);
  }
}

/** A browser test: skipped, with the reason printed above, when there is no Chromium here. */
const test = (name: string, body: () => Promise<void>, timeout = 60_000) =>
  it(
    name,
    async ({ skip }) => {
      if (!browser) return skip();
      await body();
    },
    timeout,
  );

describe('replaying as reported at the time, in Chromium', () => {
  test('given Hama taken by 18:00 on 5 December, when the replay switches to as reported, then nothing is reported of Hama until the day’s reports are out', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await expect.poll(() => hama(page).getAttribute('data-bloc')).toBe('opposition');
    expect(await badge(page).textContent()).toBe('As known now');

    await page.locator('#view-mode [data-view="reported"]').click();
    await expect.poll(() => badge(page).textContent()).toBe('As reported at the time');
    await expect.poll(() => clockAt(page)).toBe(EVENING);
    // the only report before 5 December that names Hama was published days before its capture, so it reports nothing of it
    await expect.poll(() => hama(page).getAttribute('data-bloc')).toBe('');
    expect(await page.locator('#view-mode [data-view="reported"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#share').inputValue()).toContain('view=reported');

    // an hour before the end of 5 December the capture is still unreported
    await stepTo(page, '2024-12-05T19:00:00.000Z');
    await expect.poll(() => hama(page).getAttribute('data-bloc')).toBe('');
    await stepTo(page, LAST_HOUR);
    await expect.poll(() => hama(page).getAttribute('data-bloc')).toBe('opposition');
    const news = page.locator(`#feed .news[data-claim="${CAPTURE}"]`);
    await expect.poll(() => news.count()).toBe(1);
    expect(await news.locator('.tag').textContent()).toBe('news of 5 Dec, reported 6 h later');

    // back to as known now, at the same hour
    await page.locator('#view-mode [data-view="known"]').click();
    await expect.poll(() => badge(page).textContent()).toBe('As known now');
    await expect.poll(() => clockAt(page)).toBe(LAST_HOUR);
    // the hour's frame follows the snapshot: the capture is then an ordinary claim of the day's end
    await expect.poll(() => page.locator(`#feed [data-claim="${CAPTURE}"]`).count()).toBe(0);
    await expect.poll(() => page.locator('#feed .news').count()).toBe(0);
    await expect.poll(() => page.locator('#share').inputValue()).not.toContain('view=');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('opens as reported from a shared link, and audits a place’s state in the order its reports became public', async () => {
    const page = await open(`/?campaign=${C}&at=${LAST_HOUR}&view=reported`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(LAST_HOUR);
    expect(await badge(page).textContent()).toBe('As reported at the time');
    await hama(page).locator('.dot').click({ force: true });
    await page.locator('#details .audit-open').click();
    const entries = page.locator('#details .audit > li');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    expect(await page.locator('#details .subtitle').textContent()).toContain('from what had been reported by then');
    expect(await page.locator('#details .order-choice input[value="reported"]').isChecked()).toBe(true);
    const times = await entries.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-reported-at') ?? ''));
    expect(times.every((t) => t !== '')).toBe(true);
    expect([...times].sort()).toEqual(times);
    expect(await entries.first().locator('.reported').textContent()).toMatch(
      /^public by \w{3}, \d+ \w{3} 2024, \d\d:\d\d GMT\+3$/,
    );
    expect(await entries.first().locator('.publications li').first().textContent()).toMatch(/ — published (by )?\d+ \w{3}/);

    await page.locator('#details .order-choice input[value="log"]').check();
    await expect.poll(() => page.locator('#details .hint').first().textContent()).toBe('In the order the events were recorded.');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('lists what the world learned later at 18:00 on 5 December: Hama, made known by its capture’s report six hours on', async () => {
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await open(`/?campaign=${C}&at=${EVENING}`, viewport);
      await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
      await page.locator('#learned-later').click();
      const row = page.locator('#details .learned > li[data-place="hama"]');
      await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
      expect(await row.locator('.now').textContent()).toBe(
        "Known now: controlled by Hay'at Tahrir al-Sham (Syrian opposition) since 5 Dec 18:00",
      );
      expect(await row.locator('.then').textContent()).toBe('Reported by then: nothing yet');
      const revealed = row.locator('.revealed');
      expect(await revealed.getAttribute('data-claim')).toBe(CAPTURE);
      expect(await revealed.textContent()).toMatch(/\(published 5 Dec\): public by 6 Dec 00:00, 6 h after the change\.$/);
      expect(await page.locator('#details .unreported').textContent()).toMatch(
        /^\d+ claim versions about places and \d+ about casualties have no dated source/,
      );
      expect(await page.locator('#details .learned-figures li').count()).toBeGreaterThan(0);
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(width);
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });
});

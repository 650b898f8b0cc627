/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { clockAt, shippedViewer } from '../support/shipped-viewer';

/**
 * The running log, the day digest and the chart of places held, on the shipped syria-2024: at
 * 18:00 local on 5 December Hama has just been taken.
 */
const C = 'syria-2024';
/** 18:00–19:00 local on 5 December. */
const EVENING = '2024-12-05T15:00:00.000Z';
const HOUR = 3_600_000;

const viewer = shippedViewer();
const { open, test } = viewer;

const logLines = (page: Page) => page.locator('#log > li.claim');

/** The ends of the claims listed that took effect (not those under way), in the order shown. */
const endsShown = (page: Page) =>
  page.locator('#log > li.claim:not(.opening)').evaluateAll((items) => items.map((li) => li.getAttribute('data-to')!));

/** The log is cut at `until`: nothing listed ends after it, and the newest comes first. */
async function expectLogUpTo(page: Page, until: string): Promise<string[]> {
  let ends: string[] = [];
  await expect
    .poll(async () => {
      ends = await endsShown(page);
      return ends.length > 0 && ends.every((to) => Date.parse(to) <= Date.parse(until));
    })
    .toBe(true);
  expect([...ends].sort((a, b) => Date.parse(b) - Date.parse(a))).toEqual(ends);
  return ends;
}

describe('the running log, the day digest and the chart of places held, in Chromium', () => {
  test('lists the claims of earlier hours newest first, follows the replay forward and back, and a line opens its place', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    const until = new Date(Date.parse(EVENING) + HOUR).toISOString();
    const ends = await expectLogUpTo(page, until);
    // earlier hours are in it, not only the hour on screen, and "show more" reaches earlier days
    expect(ends.some((to) => Date.parse(to) <= Date.parse(EVENING))).toBe(true);
    for (let shown = await logLines(page).count(); await page.locator('#log-more').isVisible();) {
      await page.locator('#log-more').click();
      await expect.poll(() => logLines(page).count()).toBeGreaterThan(shown);
      shown = await logLines(page).count();
    }
    await expect.poll(async () => (await endsShown(page)).at(-1)! < '2024-11-28').toBe(true);
    expect(await page.locator('#log-count').textContent()).toMatch(
      /^\d+ claims took effect by Thu, 5 Dec 2024, 19:00 GMT\+3; \d+ under way\.$/,
    );

    // a day on, then back: the log is cut at the new hour each time
    await page.keyboard.press('Shift+ArrowRight');
    const dayOn = new Date(Date.parse(EVENING) + 24 * HOUR).toISOString();
    await expect.poll(() => clockAt(page)).toBe(dayOn);
    const later = await expectLogUpTo(page, new Date(Date.parse(dayOn) + HOUR).toISOString());
    expect(Date.parse(later[0]!)).toBeGreaterThan(Date.parse(until));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => clockAt(page)).toBe(EVENING);
    await expect.poll(async () => (await endsShown(page))[0]).toBe(ends[0]);

    // a few hours played
    await page.locator('#speed').selectOption('6');
    await page.locator('#play').click();
    await expect
      .poll(async () => Date.parse((await clockAt(page))!), { timeout: 10_000 })
      .toBeGreaterThan(Date.parse(EVENING) + 6 * HOUR);
    await page.locator('#play').click();
    await expectLogUpTo(page, new Date(Date.parse((await clockAt(page))!) + HOUR).toISOString());

    const hama = page.locator('#log .log-open[data-place="hama"]').first();
    await hama.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Hama');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('narrows the log by type, incident kind, faction and place', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await expect.poll(() => logLines(page).count()).toBeGreaterThan(20);
    const all = await page.locator('#log-count').textContent();
    const total = Number(all!.match(/^\d+/)![0]);

    await page.locator('#log-type').selectOption('incident');
    await expect.poll(() => page.locator('#log-count').textContent()).not.toBe(all);
    const classes = await logLines(page).evaluateAll((items) => items.map((li) => li.className));
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((c) => c.includes('type-incident'))).toBe(true);

    await page.locator('#log-type').selectOption('incident:airstrike');
    const kinds = () =>
      logLines(page)
        .locator('.kind-icon')
        .evaluateAll((icons) => icons.map((i) => i.getAttribute('aria-label')));
    await expect.poll(async () => [...new Set(await kinds())]).toEqual(['airstrike']);
    expect(await logLines(page).count()).toBe((await kinds()).length);

    await page.locator('#log-type').selectOption('');
    await page.locator('#log-faction').selectOption('hts');
    await expect
      .poll(async () => Number((await page.locator('#log-count').textContent())!.match(/^\d+/)![0]))
      .toBeLessThan(total);
    expect(await logLines(page).count()).toBeGreaterThan(0);

    await page.locator('#log-faction').selectOption('');
    await page.locator('#log-place').fill('hama');
    const places = (await viewer.app().http.get(`/campaigns/${C}/places`).expect(200)).body as {
      placeId: string;
      name: string;
      aliases: string[];
    }[];
    const named = new Set(
      places.filter((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase().includes('hama'))).map((p) => p.placeId),
    );
    await expect
      .poll(async () => {
        const shown = await logLines(page)
          .locator('.log-open')
          .evaluateAll((b) => b.map((e) => e.getAttribute('data-place')!));
        return shown.length > 0 && shown.every((p) => named.has(p)) && (await logLines(page).count()) === shown.length;
      })
      .toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('the digest of 5 December names Hama with its sources, and a day of the chart takes the replay to its end', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await expect.poll(() => page.locator('#digest').getAttribute('data-day')).toBe('2024-12-05');
    expect(await page.locator('#digest-heading').textContent()).toContain('5 Dec 2024');
    const hama = page.locator('#digest .captures > li[data-place="hama"]');
    expect(await hama.textContent()).toContain('Hama');
    expect(await hama.locator('.sources li').count()).toBeGreaterThan(0);
    expect(await page.locator('#digest .digest-blocs li').count()).toBeGreaterThan(0);

    // the chart: one line per bloc, in its colour
    const campaign = (await viewer.app().http.get(`/campaigns/${C}`).expect(200)).body as {
      blocs: { id: string; color: string }[];
    };
    for (const bloc of campaign.blocs)
      expect(await page.locator(`#held-chart .held-line[data-bloc="${bloc.id}"]`).getAttribute('style')).toContain(bloc.color);
    const size = await page
      .locator('#held-chart .tick')
      .first()
      .evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    expect(size).toBeGreaterThanOrEqual(11);

    // 2 December ends at 24:00 local: its last hour starts at 20:00 UTC
    await page.locator('#held-chart .day[data-day="2024-12-02"]').click();
    await expect.poll(() => clockAt(page)).toBe('2024-12-02T20:00:00.000Z');
    await expect.poll(() => page.locator('#digest').getAttribute('data-day')).toBe('2024-12-02');
    // and by the keyboard: one tab stop, on the day on screen; the arrows move between days, not the replay
    expect(await page.locator('#held-chart .day[tabindex="0"]').getAttribute('data-day')).toBe('2024-12-02');
    await page.locator('#held-chart .day[data-day="2024-12-02"]').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await clockAt(page)).toBe('2024-12-02T20:00:00.000Z');
    await page.keyboard.press('Enter');
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T20:00:00.000Z');
    expect(await page.locator('#play').textContent()).toBe('Play');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('fits 390 px with the log and the digest open: no sideways scroll, panels fold, tap targets of 40 px', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}`, { width: 390, height: 844 });
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await expect.poll(() => page.locator('#digest').getAttribute('data-day')).toBe('2024-12-05');
    await expect.poll(() => logLines(page).count()).toBeGreaterThan(0);
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    const small = await page
      .locator(
        '#log-panel summary, #log-panel select, #log-panel input, #log .log-open, #log-more:visible, #digest-panel summary, #held-day',
      )
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height).filter((h) => h > 0 && h < 40));
    expect(small).toEqual([]);
    await page.locator('#log-panel summary').click();
    expect(await page.locator('#log-panel').getAttribute('open')).toBeNull();
    expect(await page.locator('#log').isVisible()).toBe(false);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

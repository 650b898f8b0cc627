/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { clockAt, shippedViewer } from '../support/shipped-viewer';
import { daysOfChange, firstHourOfChange } from '../../apps/viewer/src/first-change';
import { CampaignClock } from '../../apps/viewer/src/time';

/** The viewer on the shipped campaigns: where it opens, the casualty chart, an operation chosen, a contested place. */
const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test } = viewer;

const viewBoxWidth = (page: Page) =>
  page.evaluate(() => (document.getElementById('map') as unknown as SVGSVGElement).viewBox.baseVal.width);

/** syria-2024's first change, found from the service as the viewer finds it. */
async function firstChangeOfSyria(): Promise<string> {
  const clock = new CampaignClock('Asia/Damascus');
  const { days } = (await viewer.app().http.get('/campaigns/syria-2024/control/days').expect(200)).body;
  const from = Date.parse('2024-11-26T21:00:00.000Z');
  for (const day of daysOfChange(days)) {
    const { items } = (await viewer.app().http.get(`/campaigns/syria-2024/claims?type=control&day=${day}&limit=1000`).expect(200))
      .body;
    const at = firstHourOfChange(items, day, clock, from);
    if (at) return at;
  }
  throw new Error('syria-2024 has no change');
}

describe('the viewer on the shipped campaigns, in Chromium', () => {
  test('opens on the campaign with the most claims, at its first change, drawn and with a link to share', async () => {
    const page = await open('/');
    expect(await page.locator('#campaign').inputValue()).toBe('syria-2024');
    const first = await firstChangeOfSyria();
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(first);
    expect(await page.locator('#clock').textContent()).not.toBe('—');
    expect(await page.locator('#map .place[data-bloc]:not([data-bloc=""])').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#share').inputValue()).toContain('campaign=syria-2024');
    expect(await page.locator('#share').inputValue()).toContain(`at=${encodeURIComponent(first)}`);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('labels the casualty chart in type of at least 11 px, and Enter on a point opens its audit', async () => {
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await open('/?campaign=syria-2024&at=2024-12-08T09:00:00.000Z', viewport);
      const ticks = page.locator('#chart .tick');
      await expect.poll(() => ticks.count()).toBeGreaterThan(3);
      // polled: a tick the chart drew again between the count and the measure has no size (NaN)
      const smallest = () =>
        ticks.evaluateAll((texts) =>
          Math.min(
            ...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 0)),
          ),
        );
      await expect.poll(smallest).toBeGreaterThanOrEqual(11);
      expect(await page.locator('#chart').textContent()).toContain('log scale');
      const point = page.locator('#chart .figure').first();
      await point.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#details-title').textContent()).toMatch(/^Audit: /);
      expect(await page.locator('#details').isVisible()).toBe(true);
      // opened from far down the page, the audit comes into sight with the focus in it
      const inSight = await page.locator('#details-title').evaluate((title) => {
        const box = title.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      expect(inSight).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('#details') !== null)).toBe(true);
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });

  test('closing a place’s panel leaves no place chosen: not on the map, not in the link', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-08T09:00:00.000Z&place=homs');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Homs');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#share').inputValue()).not.toContain('place=');
    expect(await page.locator('#map .place.selected').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('an operation chosen dims the other places in their colours, frames its places and keeps the timeline to its days', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-06T09:00:00.000Z');
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe('2024-12-06T09:00:00.000Z');
    const wholeWidth = await viewBoxWidth(page);
    const wholeHours = Number(await page.locator('#timeline').getAttribute('max'));
    const held = await page.locator('#map .place[data-bloc]:not([data-bloc=""])').count();
    await page.locator('#operation').selectOption('homs');
    await expect.poll(() => page.locator('#map .place.outside').count()).toBeGreaterThan(0);
    await expect.poll(() => viewBoxWidth(page)).toBeLessThan(wholeWidth);
    await expect.poll(async () => Number(await page.locator('#timeline').getAttribute('max'))).toBeLessThan(wholeHours);
    // the places outside keep their states, faint
    await expect.poll(() => page.locator('#map .place[data-bloc]:not([data-bloc=""])').count()).toBe(held);
    const outside = page.locator('#map .place.outside[data-bloc]:not([data-bloc=""])').first();
    expect(Number(await outside.locator('.dot').evaluate((d) => getComputedStyle(d).opacity))).toBeLessThan(1);
    expect(await outside.locator('.dot').evaluate((d) => getComputedStyle(d).fill)).not.toBe('rgb(255, 255, 255)');
    expect(await page.locator('#map .place:not(.outside)').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#share').inputValue()).toContain('operation=homs');

    await page.locator('#operation').selectOption('');
    await expect.poll(() => page.locator('#map .place.outside').count()).toBe(0);
    await expect.poll(() => viewBoxWidth(page)).toBe(wholeWidth);
    await expect.poll(async () => Number(await page.locator('#timeline').getAttribute('max'))).toBe(wholeHours);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('a place’s panel leaves the clock and the play controls in sight, and what is touched is at least 40 px at 390 px', async () => {
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await open('/?campaign=syria-2024&at=2024-12-08T09:00:00.000Z', viewport);
      await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe('2024-12-08T09:00:00.000Z');
      await page.locator('#map .place[data-place="homs"]').dispatchEvent('click');
      await page.locator('#details .history').waitFor();
      const panel = (await page.locator('#details').boundingBox())!;
      for (const control of ['#clock', '#play', '#step', '#step-back']) {
        const box = (await page.locator(control).boundingBox())!;
        const overlaps =
          box.x < panel.x + panel.width &&
          panel.x < box.x + box.width &&
          box.y < panel.y + panel.height &&
          panel.y < box.y + box.height;
        expect(overlaps, `${control} under the panel at ${viewport.width} px`).toBe(false);
      }
      if (viewport.width === 390) {
        for (const target of ['#details-close', '#play', '#step', '#operation', '#category', '#chart-key .key-figure'])
          expect((await page.locator(target).first().boundingBox())!.height, target).toBeGreaterThanOrEqual(40);
      }
      await page.locator('#details-close').click();
      expect(await page.locator('#details').isHidden()).toBe(true);
      await page.close();
    }
  });

  test('names the holder and the attacker of a contested place by name', async () => {
    const page = await open('/?campaign=palmyra-2017&at=2017-01-20T09:00:00.000Z');
    // the Jazal mountains have no coordinates: they are listed beside the map, where the entry says the same
    const jazal = page.locator('li[data-place="jazal-mountains"] button');
    await expect
      .poll(() => jazal.getAttribute('title'), { timeout: 20_000 })
      .toContain('contested: held by Islamic State, attacked by Syrian Arab Army');
    await page.close();
  });
});

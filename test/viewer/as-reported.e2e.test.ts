/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { clockAt, shippedViewer } from '../support/shipped-viewer';

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

const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test } = viewer;

const hama = (page: Page) => page.locator('[data-place="hama"].place');
const badge = (page: Page) => page.locator('#view-badge');
/** The end of the hour the side panel speaks of. */
const panelUntil = (page: Page) => page.locator('#details-body').getAttribute('data-until');
const hourAfter = (at: string) => new Date(Date.parse(at) + 3_600_000).toISOString();

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
      // Salamiyah's holder is inferred from SOHR's report that HTS entered it: no report made that holder known
      const salamiyah = page.locator('#details .learned > li[data-place="salamiyah"] .revealed');
      expect(await salamiyah.textContent()).toMatch(/^Inferred from the report of Syrian Observatory for Human Rights, “/);
      expect(await page.locator('#details .learned > li[data-place="salamiyah"] .now').textContent()).toMatch(
        /^Known now: controlled by Syrian Arab Army .*, before the first report$/,
      );
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
  test('draws a place with no claim yet as a small dashed dot, apart from a vacated one, and keys it in the legend', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}&view=reported`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await expect.poll(() => hama(page).getAttribute('data-status')).toBe('none');
    const aleppo = page.locator('[data-place="aleppo"].place');
    expect(await aleppo.getAttribute('data-status')).toBe('controlled');
    const dot = (marker: ReturnType<Page['locator']>) =>
      marker.locator('.dot').evaluate((d) => {
        const style = getComputedStyle(d);
        return { width: d.getBoundingClientRect().width, dashes: style.strokeDasharray, fill: style.fill };
      });
    const [none, held] = await Promise.all([dot(hama(page)), dot(aleppo)]);
    // both cities: the one without a claim is the smaller, and dashed
    expect(none.width).toBeLessThan(held.width * 0.75);
    expect(none.dashes).not.toBe('none');

    const key = (text: string) => page.locator('#legend li').filter({ hasText: text });
    expect(await key('no claim yet').count()).toBe(1);
    const [noClaim, vacated] = await Promise.all([dot(key('no claim yet')), dot(key('vacated'))]);
    expect(noClaim.dashes).not.toBe('none');
    expect(vacated.dashes).toBe('none');
    expect(noClaim.width).toBeLessThan(vacated.width);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('as reported, a place’s panel shows the history reported by the end of the hour, and follows the hour and the view', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}&view=reported`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await hama(page).locator('.dot').click({ force: true });
    const heading = page.locator('#details .history-heading');
    await expect.poll(() => heading.textContent()).toBe('Control history, as reported by Thu, 5 Dec 2024, 18:00 GMT+3');
    // the headline and the history agree: nothing about Hama had been reported
    expect(await page.locator('#details .story').textContent()).toBe(
      'At Thu, 5 Dec 2024, 18:00 GMT+3, as reported by then: no claim yet',
    );
    expect(await page.locator('#details .history > li').count()).toBe(0);
    expect(await page.locator('#details .empty').textContent()).toBe('Nothing about this place had been reported by then.');
    expect(await page.locator('#details .audit-open').textContent()).toBe(
      'Audit its state at Thu, 5 Dec 2024, 18:00 GMT+3, as reported',
    );

    // stepping on, the open panel follows the hour: by midnight the day's reports are out
    await stepTo(page, LAST_HOUR);
    await expect.poll(() => panelUntil(page), { timeout: 10_000 }).toBe(hourAfter(LAST_HOUR));
    expect(await heading.textContent()).toBe('Control history, as reported by Fri, 6 Dec 2024, 00:00 GMT+3');
    expect(await page.locator('#details .story').textContent()).toMatch(
      /^At Fri, 6 Dec 2024, 00:00 GMT\+3, as reported by then: controlled by /,
    );
    const claims = page.locator('#details .history blockquote');
    expect(await claims.count()).toBeGreaterThan(0);
    const reportedAt = await claims.evaluateAll((quotes) => quotes.map((q) => q.getAttribute('data-reported-at') ?? ''));
    expect(reportedAt.every((t) => t !== '' && Date.parse(t) <= Date.parse(hourAfter(LAST_HOUR)))).toBe(true);
    expect(await claims.first().locator('footer').textContent()).toMatch(/ · public by 6 Dec 00:00$/);

    // as known now, the same hour: the whole history, inferred holder first
    await page.locator('#view-mode [data-view="known"]').click();
    await expect.poll(() => heading.textContent(), { timeout: 10_000 }).toBe('Control history');
    expect(await page.locator('#details .history > li').first().getAttribute('class')).toBe('inferred');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('as reported at 18:00, Hama’s audit says no report out by then changed it, and when the later ones came out; then it follows the hour', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}&view=reported`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    await hama(page).locator('.dot').click({ force: true });
    await page.locator('#details .audit-open').click();
    const empty = page.locator('#details .empty');
    await expect.poll(() => empty.textContent()).toBe('No report published by then changed it.');
    // its three dated reports, compared with the audit as known now, were all public by midnight
    expect(await page.locator('#details .later').textContent()).toBe(
      '3 reports published later did, the first public by Fri, 6 Dec 2024, 00:00 GMT+3.',
    );

    await stepTo(page, LAST_HOUR);
    const entries = page.locator('#details .audit > li');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#details .subtitle').textContent()).toBe(
      'What changed its state at Fri, 6 Dec 2024, 00:00 GMT+3, from what had been reported by then',
    );
    expect(await page.locator('#details .later').count()).toBe(0);
    const entry = entries.first();
    expect(await entry.locator('.event').textContent()).toBe('Claim recorded');
    expect(await entry.locator('.meta').textContent()).toMatch(/, loaded from the campaign data$/);
    expect(await entry.locator('.ids').textContent()).toMatch(/^claim \S+ · ControlClaimed at log position \d+ · sources /);
    const shown = await entry.evaluate((li) =>
      Array.from(li.children)
        .filter((p) => !p.classList.contains('ids'))
        .map((p) => p.textContent)
        .join(' '),
    );
    expect(shown).not.toMatch(/ControlClaimed|events-loader/);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('what the world learned later follows the hour, stepped or played, at most about once a second and never back to an older hour', async () => {
    const page = await open(`/?campaign=${C}&at=${EVENING}&view=reported&speed=24`);
    await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(EVENING);
    // the button answers once the session's first hour is on screen: ask until the panel opens
    await expect
      .poll(
        async () => {
          if (await page.locator('#details').isHidden()) await page.locator('#learned-later').click();
          return page.locator('#details .learned > li[data-place="hama"]').count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    expect(await panelUntil(page)).toBe(hourAfter(EVENING));

    await page.locator('#play').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => clockAt(page)).toBe('2024-12-05T17:00:00.000Z');
    await expect.poll(() => panelUntil(page), { timeout: 10_000 }).toBe('2024-12-05T18:00:00.000Z');
    expect(await page.locator('#details .subtitle').textContent()).toMatch(/^At Thu, 5 Dec 2024, 21:00 GMT\+3: /);

    // playing at 24 hours a second: the hours the panel shows only move forward, and its views are paced
    const asked: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/control?') && r.url().includes('reportedBy=')) asked.push(Date.now());
    });
    await page.evaluate(() => {
      const body = document.getElementById('details-body')!;
      const seen: string[] = [];
      (window as unknown as { panelHours: string[] }).panelHours = seen;
      new MutationObserver(() => seen.push(body.dataset.until ?? '')).observe(body, { attributes: true });
    });
    await page.keyboard.press('Space');
    await page.waitForTimeout(6_000);
    await page.keyboard.press('Space');
    // frames already on their way when the pause was asked for still arrive: wait for the clock to rest
    let clock = (await clockAt(page))!;
    for (let settled = false; !settled;) {
      await page.waitForTimeout(500);
      const now = (await clockAt(page))!;
      settled = now === clock;
      clock = now;
    }
    await expect.poll(() => panelUntil(page), { timeout: 10_000 }).toBe(hourAfter(clock));
    const hours = await page.evaluate(() => (window as unknown as { panelHours: string[] }).panelHours);
    expect(hours.length).toBeGreaterThan(1);
    expect([...hours].sort()).toEqual(hours);
    const gaps = asked.slice(1).map((t, i) => t - asked[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(900);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 90_000);
});

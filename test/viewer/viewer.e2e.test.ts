/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { buildViewer, chromiumOrSkip } from '../support/browser';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { ROOT } from '../support/server-process';

const C = CAMPAIGN.campaignId;
let browser: Browser | undefined;
let app: TestApp;
let viewerDir: string;
/** The log position before Al-Rastan's claim was corrected: "as known at" then, it was the opposition's. */
let beforeCorrection: number;

beforeAll(async () => {
  browser = await chromiumOrSkip();
  if (!browser) return;
  viewerDir = await buildViewer();
  const store = join(mkdtempSync(join(tmpdir(), 'timeline-viewer-db-')), 'timeline.db');
  app = await startTestApp({ STORE_URL: `sqlite:${store}`, VIEWER_DIR: viewerDir });
  await seedCampaign(app);
  const record = (body: object) => app.http.post(`/campaigns/${C}/claims`).set(asEditor).send(body).expect(201);
  await record({
    claims: [
      controlClaim({
        claimId: 'homs-held',
        place: 'homs',
        controller: 'saa',
        time: { date: '2024-12-05' },
        sources: ['sana-2024-12-07-homs'],
        quote: 'The army holds Homs.',
      }),
      controlClaim({
        claimId: 'homs-taken',
        place: 'homs',
        controller: 'hts',
        time: { date: '2024-12-07', hour: 14 },
        quote: 'At 2 pm on 7 December the opposition took Homs.',
      }),
      controlClaim({ claimId: 'rastan-taken', place: 'al-rastan', controller: 'hts', time: { date: '2024-12-06' } }),
      {
        claimId: 'k1',
        type: 'casualties',
        time: { date: '2024-12-06', by: '10:00' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'Twelve civilians were killed.',
        side: 'civilians',
        category: 'killed',
        count: 12,
        scope: 'incident',
      },
    ],
  });
  beforeCorrection = (await app.http.get(`/campaigns/${C}/claims/k1`).expect(200)).body.history[0].position;
  await app.http
    .post(`/campaigns/${C}/claims/rastan-taken/corrections`)
    .set(asEditor)
    .send({
      expectedRevision: 0,
      changes: { controller: 'saa' },
      sources: ['sana-2024-12-07-homs'],
      reason: 'the army says it never left',
    })
    .expect(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser!.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${app.url}${path}`);
  await page.locator('.place').first().waitFor();
  return page;
}

const marker = (page: Page, place: string) => page.locator(`[data-place="${place}"].place`);
const clockAt = (page: Page) => page.locator('#clock').getAttribute('data-at');
const noErrors = (page: Page) => expect((page as Page & { errors: string[] }).errors).toEqual([]);

/** A browser test: skipped, with the reason printed above, when there is no Chromium here. */
const test = (name: string, body: () => Promise<void>, timeout?: number) =>
  it(
    name,
    async ({ skip }) => {
      if (!browser) return skip();
      await body();
    },
    timeout,
  );

describe('the web viewer in Chromium', () => {
  test('draws every place of the gazetteer on the outlines of Syria and its governorates', async () => {
    const page = await open(`/?campaign=${C}`);
    await expect.poll(() => page.locator('#map .place').count()).toBe(2);
    expect(await page.locator('#map .country').count()).toBe(1);
    expect(await page.locator('#map .governorates path').count()).toBe(14);
    expect(await marker(page, 'homs').getAttribute('class')).toContain('coords-approximate');
    expect(await page.locator('#campaign').inputValue()).toBe(C);
    noErrors(page);
    await page.close();
  });

  test('plays from a shared hour, and the marker takes the new bloc at the hour its claim ends', async () => {
    const page = await open(`/?campaign=${C}&at=2024-12-07T09:00:00.000Z&speed=6`);
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T09:00:00.000Z');
    // the clock moves with the seek; the hour's map follows when its snapshot arrives
    await expect.poll(() => marker(page, 'homs').getAttribute('data-bloc')).toBe('government');
    // record the clock at the moment the marker changes, whatever the pace
    await page.evaluate(() => {
      const homs = document.querySelector('[data-place="homs"]')!;
      new MutationObserver(() => {
        if (homs.getAttribute('data-bloc') === 'opposition')
          (window as unknown as { changedAt: string }).changedAt ??= document.getElementById('clock')!.dataset.at!;
      }).observe(homs, { attributes: true });
    });
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { changedAt?: string }).changedAt), { timeout: 10_000 })
      .toBe('2024-12-07T11:00:00.000Z');
    await page.keyboard.press('Space');
    expect(await page.locator('#play').textContent()).toBe('Play');
    await page.close();
  });

  test('steps with the arrow keys, shows the claims of the hour with their sources, and a link that reopens that hour', async () => {
    const page = await open(`/?campaign=${C}&at=2024-12-07T10:00:00.000Z`);
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T10:00:00.000Z');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T11:00:00.000Z');
    const claim = page.locator('#feed [data-claim="homs-taken"]');
    await expect.poll(() => claim.count()).toBe(1);
    expect(await claim.locator('blockquote').textContent()).toBe('At 2 pm on 7 December the opposition took Homs.');
    expect(await claim.locator('.publisher').textContent()).toBe('Syrian Observatory for Human Rights');
    expect(await claim.locator('a').getAttribute('href')).toBe('https://example.org/sohr/rastan');
    expect(await claim.locator('.when').textContent()).toContain('(hour)');
    expect(await page.locator('#clock').textContent()).toBe('Sat, 7 Dec 2024, 14:00–15:00 GMT+3');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T10:00:00.000Z');
    // the clock moves with the seek; the hour's map follows when its snapshot arrives
    await expect.poll(() => marker(page, 'homs').getAttribute('data-bloc')).toBe('government');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => clockAt(page)).toBe('2024-12-07T11:00:00.000Z');
    await expect.poll(() => page.locator('#share').inputValue()).toContain('at=2024-12-07T11%3A00%3A00.000Z');
    const shared = await open(new URL(await page.locator('#share').inputValue()).search.replace(/^/, '/'));
    await expect.poll(() => clockAt(shared)).toBe('2024-12-07T11:00:00.000Z');
    await expect.poll(() => marker(shared, 'homs').getAttribute('data-bloc')).toBe('opposition');
    noErrors(page);
    await Promise.all([page.close(), shared.close()]);
  });

  test('marks a change whose time is uncertain with its interval', async () => {
    // the day-precision claim on Al-Rastan lands in the last hour of 6 December
    const page = await open(`/?campaign=${C}&at=2024-12-06T20:00:00.000Z`);
    await expect.poll(() => marker(page, 'al-rastan').getAttribute('class')).toContain('interval');
    expect(await page.locator('#feed [data-claim="rastan-taken"] .when').textContent()).toMatch(/^between .* \(day\)$/);
    await page.close();
  });

  test('shows a place’s control history on click, and opens the audit of its state', async () => {
    const page = await open(`/?campaign=${C}&at=2024-12-07T11:00:00.000Z`);
    await expect.poll(() => marker(page, 'homs').getAttribute('data-bloc')).toBe('opposition');
    await marker(page, 'homs').locator('.dot').click();
    const history = page.locator('#details .history > li');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(1).locator('blockquote').textContent()).toContain('the opposition took Homs');
    await page.locator('#details .audit-open').click();
    const change = page.locator('#details .audit > li[data-claim="homs-taken"]');
    await expect.poll(() => change.count()).toBe(1);
    expect(await change.locator('.before').textContent()).toBe('controlled by saa');
    expect(await change.locator('.after').textContent()).toBe('controlled by hts');
    expect(await change.locator('.meta').textContent()).toMatch(
      /recorded .* at position \d+ by editor · sources: sohr \(sohr-2024-12-06-rastan\)/,
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#details').isHidden()).toBe(true);
    await page.close();
  });

  test('charts casualties per day up to the replay’s day, and a figure opens its audit', async () => {
    const page = await open(`/?campaign=${C}&at=2024-12-07T11:00:00.000Z`);
    const figure = page.locator('#chart .figure[data-side="civilians"][data-day="2024-12-06"]');
    await expect.poll(() => figure.count()).toBe(1);
    expect(await page.locator('#chart .figure[data-day="2024-12-08"]').count()).toBe(0);
    await figure.click();
    const change = page.locator('#details .audit > li[data-claim="k1"]');
    await expect.poll(() => change.count()).toBe(1);
    expect(await change.locator('.after').textContent()).toBe('12');
    await page.close();
  });

  test('replays as known at an earlier position and marks what is known differently now', async () => {
    const page = await open(`/?campaign=${C}&at=2024-12-07T00:00:00.000Z&knownAt=${beforeCorrection}`);
    await expect.poll(() => marker(page, 'al-rastan').getAttribute('class')).toContain('changed');
    expect(await marker(page, 'al-rastan').getAttribute('data-bloc')).toBe('opposition');
    expect(await marker(page, 'homs').getAttribute('class')).not.toContain('changed');
    expect(await page.locator('#changes li[data-place="al-rastan"]').textContent()).toBe(
      'Al-Rastan then controlled by hts → now controlled by saa',
    );
    await page.locator('#known-at-clear').click();
    await expect.poll(() => marker(page, 'al-rastan').getAttribute('data-bloc')).toBe('government');
    expect(await marker(page, 'al-rastan').getAttribute('class')).not.toContain('changed');
    await page.close();
  });

  test('fits a narrow screen without sideways scrolling', async () => {
    const page = await open(`/?campaign=${C}`, { width: 390, height: 844 });
    const { scroll, width, map } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      map: document.getElementById('map')!.getBoundingClientRect().width,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(map).toBeGreaterThan(300);
    await page.close();
  });

  test('takes the README’s screenshot on the shipped campaigns', async () => {
    const seeded = await startTestApp({ LOAD_EVENTS: 'true', VIEWER_DIR: viewerDir });
    try {
      const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${seeded.url}/?campaign=syria-2024&at=2024-12-05T14:00:00.000Z`);
      await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe('2024-12-05T14:00:00.000Z');
      const places = (await seeded.http.get('/campaigns/syria-2024/places').expect(200)).body.length;
      expect(await page.locator('#map .place').count()).toBe(places);
      await marker(page, 'hama').locator('.dot').click();
      await page.locator('#details .history > li').first().waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#play').focus();
      const file =
        process.env.UPDATE_SCREENSHOT === '1'
          ? join(ROOT, 'docs/viewer.png')
          : join(mkdtempSync(join(tmpdir(), 'timeline-shot-')), 'viewer.png');
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, await page.screenshot());
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      await page.close();
    } finally {
      await seeded.close();
    }
  }, 60_000);
});

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

async function open(path: string, viewport = { width: 1400, height: 900 }, server = app.url): Promise<Page> {
  const page = await browser!.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${server}${path}`);
  await page.locator('.place').first().waitFor();
  return page;
}

const marker = (page: Page, place: string) => page.locator(`[data-place="${place}"].place`);
const clockAt = (page: Page) => page.locator('#clock').getAttribute('data-at');
const noErrors = (page: Page) => expect((page as Page & { errors: string[] }).errors).toEqual([]);

/** Homs held by the opposition, Damascus held or under way to it with its window, and an inferred place drawn apart. */
async function expectStoryAtNoon(page: Page): Promise<void> {
  for (const place of ['homs', 'damascus']) {
    await expect
      .poll(async () => {
        const [bloc, pending] = await Promise.all([
          marker(page, place).getAttribute('data-bloc'),
          marker(page, place).getAttribute('data-pending-bloc'),
        ]);
        return bloc === 'opposition' || pending === 'opposition';
      })
      .toBe(true);
  }
  const damascus = marker(page, 'damascus');
  expect(await damascus.getAttribute('data-pending-bloc')).toBe('opposition');
  expect(await damascus.getAttribute('class')).toContain('pending');
  expect(await damascus.locator('title').textContent()).toContain(
    'under way: taken by Southern Operations Room (Syrian opposition) between 8 Dec 00:00 and 9 Dec 00:00 (day)',
  );
  const inferred = page.locator('#map .place.inferred');
  expect(await inferred.count()).toBeGreaterThan(0);
  const first = inferred.first();
  expect(await first.getAttribute('data-inferred-from')).not.toBe('');
  expect(await first.locator('title').textContent()).toMatch(/\ninferred from .+: held by .+ before the first report\n/);
}

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
    expect(await change.locator('.before').textContent()).toBe('controlled by Syrian Arab Army (Government)');
    expect(await change.locator('.after').textContent()).toBe("controlled by Hay'at Tahrir al-Sham (Opposition)");
    // the event and the actor in words; the record's own names kept apart, small
    expect(await change.locator('.event').textContent()).toBe('Claim recorded');
    expect(await change.locator('.meta').textContent()).toMatch(/^recorded \w{3}, \d+ \w{3} \d{4}, \d\d:\d\d GMT\+3, by editor$/);
    expect(await change.locator('.ids').textContent()).toMatch(
      /^claim homs-taken · ControlClaimed at log position \d+ · sources sohr-2024-12-06-rastan$/,
    );
    expect(await change.locator('.publications li').getAttribute('title')).toBe('sohr-2024-12-06-rastan');
    await page.keyboard.press('Escape');
    expect(await page.locator('#details').isHidden()).toBe(true);

    // a correction says so
    await marker(page, 'al-rastan').locator('.dot').click();
    await page.locator('#details .audit-open').click();
    const corrected = page.locator('#details .audit > li[data-event="ClaimCorrected"]');
    await expect.poll(() => corrected.count()).toBe(1);
    expect(await corrected.locator('.event').textContent()).toBe('Correction');
    const shown = await corrected.evaluate((li) =>
      Array.from(li.children)
        .filter((p) => !p.classList.contains('ids'))
        .map((p) => p.textContent)
        .join(' '),
    );
    expect(shown).not.toMatch(/ClaimCorrected|ControlClaimed|rastan-taken/);
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
      "Al-Rastan then controlled by Hay'at Tahrir al-Sham → now controlled by Syrian Arab Army",
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

  test('tells syria-2024’s story at noon on 8 December: Homs and Damascus go to the opposition, changes under way ring their places with their window, inferred holders are drawn apart', async () => {
    const seeded = await startTestApp({ LOAD_EVENTS: 'true', VIEWER_DIR: viewerDir });
    try {
      // 00:00 local on 8 December: the hour in which the day windows of 8 December open
      const page = await open(`/?campaign=syria-2024&at=2024-12-07T21:00:00.000Z`, undefined, seeded.url);
      await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe('2024-12-07T21:00:00.000Z');
      const opening = page.locator('#feed .opening[data-claim="damascus-2024-12-08-damascus-captured-sor"]');
      await expect.poll(() => opening.count()).toBe(1);
      expect(await opening.locator('.tag').textContent()).toBe('under way · 8 Dec, day');
      await expect.poll(() => marker(page, 'damascus').getAttribute('data-pending-bloc')).toBe('opposition');
      // step hour by hour to 12:00 local, so the changes under way follow the frames
      for (let hour = 22; hour <= 33; hour++) {
        await page.keyboard.press('ArrowRight');
        const at = new Date(Date.UTC(2024, 11, 7, hour)).toISOString();
        await expect.poll(() => clockAt(page)).toBe(at);
      }
      expect(await page.locator('#clock').textContent()).toBe('Sun, 8 Dec 2024, 12:00–13:00 GMT+3');
      await expectStoryAtNoon(page);
      // fading sooner fades more markers, and the link keeps the setting
      const old = await page.locator('#map .place.old').count();
      await page.locator('#fade-after').fill('3');
      await page.locator('#fade-after').dispatchEvent('change');
      await expect.poll(() => page.locator('#map .place.old').count()).toBeGreaterThan(old);
      expect(await page.locator('#legend').textContent()).toContain('not reported for over 3 days');
      await expect.poll(() => page.locator('#share').inputValue()).toContain('fade=3');
      // a day back, before the window of its capture opened, the new snapshot leaves Damascus no ring of the opposition
      await page.locator('#fade-after').blur();
      await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(() => clockAt(page)).toBe('2024-12-07T09:00:00.000Z');
      await expect.poll(() => marker(page, 'damascus').getAttribute('data-pending-bloc')).not.toBe('opposition');

      // the same hour opened from a link, on a phone
      const linked = await open(
        `/?campaign=syria-2024&at=2024-12-08T09:00:00.000Z&fade=3`,
        { width: 390, height: 844 },
        seeded.url,
      );
      await expect.poll(() => clockAt(linked), { timeout: 20_000 }).toBe('2024-12-08T09:00:00.000Z');
      await expectStoryAtNoon(linked);
      expect(await linked.locator('#fade-after').inputValue()).toBe('3');
      // without a pointer to hover, the place's panel says what its marker does
      await marker(linked, 'damascus').focus();
      await linked.keyboard.press('Enter');
      await expect
        .poll(() => linked.locator('#details .story').textContent())
        .toContain('under way: taken by Southern Operations Room (Syrian opposition) between 8 Dec 00:00 and 9 Dec 00:00 (day)');
      noErrors(page);
      noErrors(linked);
      await Promise.all([page.close(), linked.close()]);
    } finally {
      await seeded.close();
    }
  }, 90_000);

  test('takes the README’s screenshot on the shipped campaigns', async () => {
    const seeded = await startTestApp({ LOAD_EVENTS: 'true', VIEWER_DIR: viewerDir });
    try {
      const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${seeded.url}/?campaign=syria-2024&at=2024-12-05T14:00:00.000Z`);
      await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe('2024-12-05T14:00:00.000Z');
      const places: { lat: number | null }[] = (await seeded.http.get('/campaigns/syria-2024/places').expect(200)).body;
      // places without coordinates are listed beside the map instead
      expect(await page.locator('#map .place').count()).toBe(places.filter((p) => p.lat !== null).length);
      expect(await page.locator('#unlocated-list li').count()).toBe(places.filter((p) => p.lat === null).length);
      await marker(page, 'hama').locator('.dot').click();
      await page.locator('#details .history > li').first().waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#play').focus();
      const shot = async (of: Page, name: string) => {
        const file =
          process.env.UPDATE_SCREENSHOT === '1'
            ? join(ROOT, 'docs', name)
            : join(mkdtempSync(join(tmpdir(), 'timeline-shot-')), name);
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, await of.screenshot());
        expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      };
      await shot(page, 'viewer.png');
      await page.close();
      // the phone layout: the same hour on a 390-px screen
      const phone = await browser!.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(`${seeded.url}/?campaign=syria-2024&at=2024-12-05T14:00:00.000Z`);
      await expect.poll(() => clockAt(phone), { timeout: 20_000 }).toBe('2024-12-05T14:00:00.000Z');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, 'viewer-phone.png');
      await phone.close();
    } finally {
      await seeded.close();
    }
  }, 60_000);
});

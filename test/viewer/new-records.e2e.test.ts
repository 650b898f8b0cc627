/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { project } from '../../apps/viewer/src/projection';
import { KEYS } from '../support/app';
import { PHONE, shippedViewer } from '../support/shipped-viewer';

/** A signed-in editor adds to the record from the viewer: a source, a place picked on the map, a claim. */
const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test, app } = viewer;

async function signIn(page: Page): Promise<void> {
  await page.locator('#sign-in').click();
  await page.locator('#sign-in-key').fill(KEYS.editor);
  await page.locator('#sign-in-form button[type=submit]').click();
  await page.locator('#record-tools').waitFor({ state: 'visible' });
}

async function add(page: Page, item: 'add-source' | 'add-place' | 'move-place' | 'add-claim'): Promise<void> {
  await page.locator('#add-menu summary').click();
  await page.locator(`#${item}`).click();
}

/** Where a lon/lat is drawn on the screen, through the map's own transform. */
function onScreen(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([x, y]) => {
      const map = document.getElementById('map') as unknown as SVGSVGElement;
      const point = new DOMPoint(x, y).matrixTransform(map.getScreenCTM() ?? undefined);
      return { x: point.x, y: point.y };
    },
    project(lon, lat),
  );
}

async function markerCentre(page: Page, placeId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`#map .place[data-place="${placeId}"] .hit`).boundingBox();
  if (!box) throw new Error(`no marker of ${placeId}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A marker's centre within the map, so pages laid out differently above the map compare. */
async function inMap(page: Page, placeId: string): Promise<{ x: number; y: number }> {
  const centre = await markerCentre(page, placeId);
  const map = await page.locator('#map').boundingBox();
  if (!map) throw new Error('no map');
  return { x: centre.x - map.x, y: centre.y - map.y };
}

const GET = (path: string) => app().http.get(`/campaigns/syria-2024${path}`);

describe('new records from the viewer, in Chromium', () => {
  test('given a signed-in editor, when a source of a known publisher is registered, then the service has it with the publisher’s name and kind', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-05T09:00:00Z');
    await signIn(page);
    await add(page, 'add-source');
    const form = page.locator('#source-form');
    await form.locator('[name=title]').fill('Opposition fighters enter Hama');
    // no publisher is chosen for the editor
    expect(await form.locator('select[name=publisher]').inputValue()).toBe('-');
    await form.locator('select[name=publisher]').selectOption('sohr');
    // a known publisher's name and kind are not asked
    expect(await form.locator('.new-publisher').isVisible()).toBe(false);
    expect(await form.locator('.known-publisher').textContent()).toBe('monitor · id sohr');
    await form.locator('[name=url]').fill('https://www.syriahr.com/en/hama-entered');
    // no publication date unless the editor gives one
    expect(await form.locator('input[type=date]').inputValue()).toBe('');
    await form.locator('input[type=date]').fill('2024-12-05');
    await form.locator('input[type=time]').fill('14:30');
    await form.locator('[name=language]').fill('ar');
    await form.locator('[name=note]').fill('the monitor’s English page');
    const sourceId = await form.locator('[name=sourceId]').inputValue();
    expect(sourceId).toBe('sohr-2024-12-05-opposition-fighters-enter-hama');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#status').textContent()).toBe(`Source ${sourceId} registered.`);

    const { status, body } = await GET(`/sources/${sourceId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      sourceId,
      publisher: 'sohr',
      publisherName: 'Syrian Observatory for Human Rights',
      publisherKind: 'monitor',
      title: 'Opposition fighters enter Hama',
      url: 'https://www.syriahr.com/en/hama-entered',
      publishedAt: '2024-12-05T14:30:00+03:00',
      language: 'ar',
    });
    expect(page.errors).toEqual([]);
  });

  test('given a place on the map, when the editor picks a new point for it by clicking the map, then the service has the coordinates clicked and the marker stands there without a reload', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-05T09:00:00Z&place=al-tanf');
    // a reader's viewer, open at the same hour
    const reader = await open('/?campaign=syria-2024&at=2024-12-05T09:00:00Z');
    const readerBefore = await inMap(reader, 'al-tanf');
    await signIn(page);
    // the place the link names is chosen, and the form opens on it
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Al-Tanf');
    const before = await markerCentre(page, 'al-tanf');
    await add(page, 'move-place');
    const form = page.locator('#place-editor');
    // the form opens once the campaign's sources are read
    await expect.poll(() => form.locator('[name=place]').inputValue()).toBe('al-tanf');
    expect(await form.locator('.place-now').textContent()).toBe('Al-Tanf is now at 33.5, 38.63 (approximate).');
    await form.locator('.pick-on-map').click();
    await expect.poll(() => page.locator('.pick-banner').isVisible()).toBe(true);
    expect(await form.isVisible()).toBe(false);
    const target = await onScreen(page, 39.6, 33.9);
    await page.mouse.click(target.x, target.y);

    // the point is shown to the editor before anything is saved
    await form.waitFor({ state: 'visible' });
    const lat = Number(await form.locator('[name=lat]').inputValue());
    const lon = Number(await form.locator('[name=lon]').inputValue());
    expect(lat).toBeCloseTo(33.9, 1);
    expect(lon).toBeCloseTo(39.6, 1);
    expect(await form.locator('.picked').textContent()).toMatch(/^Picked 33\.\d+° N, 39\.\d+° E \(to about/);
    expect(await page.locator('.pick-mark').count()).toBe(1);

    // the reason is required
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-path=reason] .field-problem').textContent()).not.toBe('');
    expect((await GET('/places/al-tanf')).body).toMatchObject({ lat: 33.5, lon: 38.63 });

    await form.locator('[name=reason]').fill('the base stands further east than the gazetteer put it (test)');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await GET('/places/al-tanf')).body.lat).toBe(lat);
    expect((await GET('/places/al-tanf')).body).toMatchObject({
      lon,
      precision: 'approximate',
      coordinatesFrom: "picked on the viewer's map by editor",
    });
    // the marker moved to the point clicked, on the same page
    await expect
      .poll(async () =>
        Math.hypot((await markerCentre(page, 'al-tanf')).x - target.x, (await markerCentre(page, 'al-tanf')).y - target.y),
      )
      .toBeLessThan(6);
    expect(Math.hypot(before.x - target.x, before.y - target.y)).toBeGreaterThan(30);
    expect(await page.locator('.pick-mark').count()).toBe(0);
    // the reader's map follows the live feed: the marker stands where the editor put it
    const moved = await inMap(page, 'al-tanf');
    await expect
      .poll(async () => {
        const now = await inMap(reader, 'al-tanf');
        return Math.hypot(now.x - moved.x, now.y - moved.y);
      })
      .toBeLessThan(6);
    expect(Math.hypot(readerBefore.x - moved.x, readerBefore.y - moved.y)).toBeGreaterThan(30);
    expect(reader.errors).toEqual([]);
    expect(page.errors.filter((e) => !/422/.test(e))).toEqual([]);
  });

  test('given a new place, when it is registered with a point clicked on the map, then it is in the gazetteer there and drawn on the map', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-05T09:00:00Z');
    await signIn(page);
    await add(page, 'add-place');
    const form = page.locator('#place-form');
    await form.locator('[name=name]').fill('Test Outpost');
    expect(await form.locator('[name=placeId]').inputValue()).toBe('test-outpost');
    await form.locator('[name=kind]').selectOption('base');
    await form.locator('[name=governorate]').fill('Homs');
    await form.locator('.pick-on-map').click();
    const target = await onScreen(page, 39.2, 34.2);
    await page.mouse.click(target.x, target.y);
    await form.waitFor({ state: 'visible' });
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'hidden' });

    const { status, body } = await GET('/places/test-outpost');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Test Outpost', kind: 'base', governorate: 'Homs', precision: 'approximate' });
    expect(body.lat).toBeCloseTo(34.2, 1);
    expect(body.lon).toBeCloseTo(39.2, 1);
    await expect
      .poll(async () =>
        Math.hypot(
          (await markerCentre(page, 'test-outpost')).x - target.x,
          (await markerCentre(page, 'test-outpost')).y - target.y,
        ),
      )
      .toBeLessThan(6);
    expect(page.errors).toEqual([]);
  });

  test('given a claim form, when it is sent without a quote, then the service’s message stands beside the quote; with one, the claim is recorded', async () => {
    const page = await open('/?campaign=syria-2024&at=2024-12-05T09:00:00Z');
    await signIn(page);
    await add(page, 'add-claim');
    const form = page.locator('#new-claim');
    await form.locator('[name=type]').selectOption('control');
    await form.locator('[name=place]').fill('Hama');
    await form.locator('[name=status]').selectOption('contested');
    await form.locator('[name=controller]').selectOption('saa');
    await form.locator('[name=contestedBy]').selectOption('hts');
    expect(await form.locator('[name=vacatedBy]').isVisible()).toBe(false);
    await form.locator('.claim-time select').first().selectOption('part-of-day');
    await form.locator('.claim-time select').nth(1).selectOption('morning');
    await form.locator('[aria-label="Add a source"]').fill('wikipedia-syrian-opposition-offensives-2024');
    await form.locator('[aria-label="Add a source"]').press('Enter');
    expect(await form.locator('.chips li').count()).toBe(1);
    await form.locator('button[type=submit]').click();
    await expect
      .poll(() => form.locator('[data-path=quote] .field-problem').textContent())
      .toBe('quote the sentence the claim comes from');
    expect(await form.locator('[name=quote]').getAttribute('aria-invalid')).toBe('true');

    await form
      .locator('[name=quote]')
      .fill('By the morning of 5 December, opposition fighters were fighting inside Hama (test).');
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'hidden' });
    const said = await page.locator('#status').textContent();
    const claimId = /^Claim (\S+) recorded\.$/.exec(said ?? '')?.[1];
    expect(claimId).toBeDefined();
    const { status, body } = await GET(`/claims/${claimId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      type: 'control',
      place: 'hama',
      status: 'contested',
      controller: 'saa',
      contestedBy: 'hts',
      writtenTime: { date: '2024-12-05', part: 'morning' },
      sources: ['wikipedia-syrian-opposition-offensives-2024'],
    });
    expect(page.errors.filter((e) => !/422/.test(e))).toEqual([]);
  });

  test('given a phone, when the editor opens the claim form, then it fits the screen', async () => {
    const page = await open('/?campaign=syria-2024', PHONE);
    await signIn(page);
    await add(page, 'add-claim');
    const box = await page.locator('#new-claim').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});

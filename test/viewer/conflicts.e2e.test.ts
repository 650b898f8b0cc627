/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { KEYS } from '../support/app';
import { PHONE, shippedViewer } from '../support/shipped-viewer';

/**
 * The editors' inbox of possible conflicts: on 3 December Wikipedia says the SDF attacked
 * Al-Salihiyah and Khasham, SDF media says it captured them. One click ranks a claim.
 */
const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test, app } = viewer;

const ATTACK = 'deir-ez-zor-2024-12-03-al-salihiyah-sdf-attack';
const KHASHAM_CAPTURE = 'deir-ez-zor-2024-12-03-khasham-sdf-claims-capture';
/** The last hour of 3 December, local time: the state at its end has the day's claims in effect. */
const LAST_HOUR_OF_3_DEC = '2024-12-03T20:00:00.000Z';

async function signIn(page: Page): Promise<void> {
  await page.locator('#sign-in').click();
  await page.locator('#sign-in-key').fill(KEYS.editor);
  await page.locator('#sign-in-form button[type=submit]').click();
  await page.locator('#open-conflicts').waitFor({ state: 'visible' });
}

const GET = (path: string) => app().http.get(`/campaigns/syria-2024${path}`);
const card = (page: Page, place: string) => page.locator(`#conflicts .conflict[data-place="${place}"]`);

describe('the conflicts inbox, in Chromium', () => {
  test('given the conflicts of the day on screen, when the editor prefers one claim and deprecates another with one click each, then the conflicts show as resolved or go, and the map and the audit follow the ranks', async () => {
    const page = await open(`/?campaign=syria-2024&at=${LAST_HOUR_OF_3_DEC}`);
    await signIn(page);
    // Al-Salihiyah is not located: its mark is in the list of places beside the map
    const marker = page.locator('#unlocated-list [data-place="al-salihiyah"] .place');
    await expect.poll(() => marker.getAttribute('data-status')).toBe('controlled');

    await page.locator('#open-conflicts').click();
    const salihiyah = card(page, 'al-salihiyah');
    await salihiyah.waitFor();
    expect(await page.locator('#conflicts [aria-pressed=true]').textContent()).toBe('Day on screen (3 Dec)');
    expect(await salihiyah.locator('.verdict').textContent()).toBe('sources disagree');
    // both claims side by side: their states, quotes and sources
    const attack = salihiyah.locator(`[data-claim="${ATTACK}"]`);
    expect(await attack.locator('.claim-state').textContent()).toBe(
      'contested: held by Syrian Arab Army, attacked by Syrian Democratic Forces',
    );
    expect(await attack.locator('blockquote').textContent()).toContain('launched an offensive');
    expect(await attack.locator('.conflict-sources a').getAttribute('href')).toBe(
      'https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive_(2024)',
    );
    expect(await salihiyah.locator('.conflict-claim').count()).toBe(2);

    // no reason, no rank
    await attack.locator('button.prefer').click();
    await expect.poll(() => salihiyah.locator('.field-problem').textContent()).not.toBe('');
    expect((await GET(`/claims/${ATTACK}`)).body.rank).toBe('normal');

    await salihiyah.locator('input[name=reason]').fill('the SDF’s own claim of capture is not borne out by other reports (test)');
    await attack.locator('button.prefer').click();
    await expect.poll(() => card(page, 'al-salihiyah').locator('.verdict').textContent()).toBe('resolved: one claim preferred');
    expect(await card(page, 'al-salihiyah').locator(`[data-claim="${ATTACK}"] .meta`).first().textContent()).toContain(
      'rank preferred',
    );
    expect((await GET(`/claims/${ATTACK}`)).body.rank).toBe('preferred');

    const khasham = card(page, 'khasham');
    await khasham.locator('input[name=reason]').fill('a belligerent’s claim no other source repeats (test)');
    await khasham.locator(`[data-claim="${KHASHAM_CAPTURE}"] button.deprecate`).click();
    await expect.poll(() => card(page, 'khasham').count()).toBe(0);
    expect(await page.locator('#conflicts [role=status]').textContent()).toMatch(new RegExp(`^Deprecated ${KHASHAM_CAPTURE}\\.`));

    // the map follows the record as it now stands, and the audit names the rank and its editor
    await expect.poll(() => marker.getAttribute('data-status')).toBe('contested');
    const audit = await GET(`/audit/control?place=al-salihiyah&at=2024-12-03T21:00:00.000Z`);
    const last = audit.body.changes.at(-1);
    expect(last).toMatchObject({ event: 'ClaimRanked', claimId: ATTACK, actor: 'editor', after: { status: 'contested' } });
    const control = await GET('/control?day=2024-12-03');
    const khashamNow = control.body.places.find((p: { place: string }) => p.place === 'khasham');
    expect(khashamNow.basis).not.toContain(KHASHAM_CAPTURE);

    await page.locator('#conflicts button', { hasText: 'Whole campaign' }).click();
    await expect.poll(() => page.locator('#conflicts [role=status]').textContent()).toMatch(/in the whole campaign/);
    expect(await page.locator('#conflicts .conflict').count()).toBeGreaterThan(2);
    expect(page.errors.filter((e) => !/422/.test(e))).toEqual([]);
  });

  test('given a phone, when the inbox opens, then it fits the screen', async () => {
    const page = await open(`/?campaign=syria-2024&at=${LAST_HOUR_OF_3_DEC}`, PHONE);
    await signIn(page);
    await page.locator('#open-conflicts').click();
    await page.locator('#conflicts .conflict').first().waitFor();
    const box = await page.locator('#conflicts').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  });

  test('given a reader who has not signed in, then there is no conflicts button nor an Add menu', async () => {
    const page = await open('/?campaign=syria-2024');
    expect(await page.locator('#open-conflicts').isVisible()).toBe(false);
    expect(await page.locator('#add-menu').isVisible()).toBe(false);
  });
});

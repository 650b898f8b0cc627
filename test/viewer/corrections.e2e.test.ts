/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { asEditor } from '../support/app';
import { clockAt, PHONE, shippedViewer } from '../support/shipped-viewer';

/**
 * A correction reaching open viewers of the shipped syria-2024: SOHR's civilian toll of the
 * offensive, 111 on its 5 December report, raised to 125 on a later one.
 */
const C = 'syria-2024';
const TOLL = 'syria-2024-2024-11-27-civilian-toll-total';
const LATER_REPORT = {
  sourceId: 'sohr-2024-12-09-civilian-toll',
  publisher: 'sohr',
  publisherName: 'Syrian Observatory for Human Rights',
  publisherKind: 'monitor',
  title: 'Civilian toll of the offensive rises',
  url: 'https://www.syriahr.com/en/civilian-toll/',
  publishedAt: '2024-12-09',
  language: 'en',
};
const SECOND = 1_000;

const viewer = shippedViewer();
const { open, test, app } = viewer;

const card = (page: Page) => page.locator(`#record-changes > li[data-claim="${TOLL}"]`).first();

/** The card says what was done, the new figure, the old one struck through, the source, the reason and who. */
async function expectCorrectionCard(page: Page): Promise<void> {
  const shown = card(page);
  await expect.poll(() => shown.locator('.tag').textContent()).toBe('corrected');
  expect(await shown.locator('.summary').textContent()).toContain('125 civilians killed');
  expect(await shown.locator('[data-field="count"] del').textContent()).toBe('111');
  expect(await shown.locator('[data-field="count"] ins').textContent()).toBe('125');
  expect(await shown.locator('.sources').textContent()).toMatch(
    /Syrian Observatory for Human Rights — Civilian toll of the offensive rises \(.*9 Dec.*\)/,
  );
  expect(await shown.locator('.reason').textContent()).toBe('Reason: a later SOHR report raised the toll');
  expect(await shown.locator('.by').textContent()).toMatch(/^by editor, /);
}

describe('a correction reaching open viewers, in Chromium', () => {
  test('a replay playing and a viewer paused each show the corrected figure, the old one struck through, its source and reason, within a second', async () => {
    const http = app().http;
    await http.post(`/campaigns/${C}/sources`).set(asEditor).send(LATER_REPORT).expect(201);
    const toll = (await http.get(`/campaigns/${C}/claims/${TOLL}`).expect(200)).body;
    const after = toll.time.to as string;

    const playing = await open(`/?campaign=${C}&at=${after}`);
    await expect.poll(() => clockAt(playing), { timeout: 20_000 }).toBe(after);
    const paused = await open(`/?campaign=${C}&at=${after}`, PHONE);
    await expect.poll(() => clockAt(paused), { timeout: 20_000 }).toBe(after);
    const logLine = paused.locator(`#log li[data-claim="${TOLL}"]`);
    await expect.poll(() => logLine.textContent(), { timeout: 20_000 }).toContain('111 civilians killed');

    await playing.locator('#play').click();
    await expect.poll(async () => Date.parse((await clockAt(playing))!) > Date.parse(after)).toBe(true);

    const sent = Date.now();
    await http
      .post(`/campaigns/${C}/claims/${TOLL}/corrections`)
      .set(asEditor)
      .send({
        expectedRevision: toll.revision,
        changes: { count: 125 },
        sources: [LATER_REPORT.sourceId],
        reason: 'a later SOHR report raised the toll',
      })
      .expect(201);
    // each viewer shows the card within a second of the correction being recorded
    await Promise.all([card(playing).waitFor({ timeout: SECOND }), card(paused).waitFor({ timeout: SECOND })]);
    expect(Date.now() - sent).toBeLessThan(SECOND);
    await expectCorrectionCard(playing);
    await expectCorrectionCard(paused);
    // the paused viewer's hour is read again from the record as it now stands
    await expect.poll(() => logLine.textContent(), { timeout: SECOND }).toContain('125 civilians killed');

    await card(playing).screenshot({ path: '/tmp/correction-card-1400.png' });
    await playing.screenshot({ path: '/tmp/correction-viewer-1400.png' });
    await card(paused).scrollIntoViewIfNeeded();
    await card(paused).screenshot({ path: '/tmp/correction-card-390.png' });
    const overflow = await paused.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // a retraction: the claim struck through, with the reason
    const revision = (await http.get(`/campaigns/${C}/claims/${TOLL}`).expect(200)).body.revision;
    await http
      .post(`/campaigns/${C}/claims/${TOLL}/retraction`)
      .set(asEditor)
      .send({ expectedRevision: revision, reason: 'the toll was counted twice' })
      .expect(201);
    const retracted = paused.locator(`#record-changes > li.change-retracted[data-claim="${TOLL}"]`);
    await retracted.waitFor({ timeout: SECOND * 2 });
    expect(await retracted.locator('.summary del').textContent()).toContain('125 civilians killed');
    expect(await retracted.locator('.reason').textContent()).toBe('Reason: the toll was counted twice');
    await retracted.screenshot({ path: '/tmp/retraction-card-390.png' });
    expect(playing.errors).toEqual([]);
    expect(paused.errors).toEqual([]);
  }, 120_000);
});

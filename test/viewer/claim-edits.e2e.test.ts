/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { asEditor, KEYS } from '../support/app';
import { clockAt, DESKTOP, PHONE, shippedViewer, type ViewerPage } from '../support/shipped-viewer';

/**
 * An editor corrects, ranks and retracts claims of the shipped syria-2024 from their cards in the
 * running log, on the morning of 7 December, when the strikes on Homs of the 6th have been reported.
 */
const C = 'syria-2024';
const MORNING = '2024-12-07T09:00:00.000Z';
/** 20 civilians killed in airstrikes on Homs' eastern suburbs on 6 December. */
const SUBURBS = 'homs-2024-12-06-homs-eastern-suburbs-civilians-killed';
/** 15 civilians killed in Atarib on 28 November. */
const ATARIB = 'aleppo-2024-11-28-atarib-civilians-killed';
/** Thousands of residents of Homs fled on 5 December. */
const FLEE = 'homs-2024-12-05-homs-residents-flee';
/** Where the screenshots of the dialogs go: they are looked at, not kept in the repository. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test } = viewer;

const claim = async (id: string) => (await viewer.app().http.get(`/campaigns/${C}/claims/${id}`).expect(200)).body;

async function signedIn(viewport = DESKTOP): Promise<ViewerPage> {
  const page = await open(`/?campaign=${C}&at=${MORNING}`, viewport);
  await expect.poll(() => clockAt(page), { timeout: 20_000 }).toBe(MORNING);
  await page.locator('#sign-in').click();
  await page.locator('#sign-in-key').fill(KEYS.editor);
  await page.locator('#sign-in-form button[type=submit]').click();
  await expect.poll(() => page.evaluate(() => document.body.classList.contains('editing'))).toBe(true);
  return page;
}

/** The casualty claims about a place in the running log, and the card of one of them. */
async function logCard(page: Page, claimId: string, place = 'homs') {
  await page.locator('#log-type').selectOption('casualties');
  await page.locator('#log-place').fill(place);
  const card = page.locator(`#log li[data-claim="${claimId}"]`);
  await card.locator('.claim-actions').waitFor();
  return card;
}

async function citeFirstSource(page: Page, dialog: string, search: string): Promise<void> {
  await page.locator(`${dialog} .source-search`).fill(search);
  await page.locator(`${dialog} .source-options input[type=checkbox]`).first().check();
}

describe('editors correct, rank and retract claims from the viewer, in Chromium', () => {
  test('given a correction made through the API while the form is open, when the editor submits, then the form shows what changed field by field and re-applies the figure on the newest revision', async () => {
    const page = await signedIn();
    const card = await logCard(page, SUBURBS);
    await card.locator('.claim-correct').click();
    const dialog = page.locator('#correct-dialog');
    await dialog.waitFor();
    // the form of a casualty claim: its own fields, prefilled, with their vocabularies and unit
    expect(await dialog.locator('[name="count.best"]').inputValue()).toBe('20');
    expect(await dialog.locator('select[name=side]').inputValue()).toBe('civilians');
    expect(await dialog.locator('select[name=category]').inputValue()).toBe('killed');
    expect(await dialog.locator('[data-field=count] .unit').first().textContent()).toBe('people');
    expect(await dialog.locator('[data-field=status]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/claim-correct-1400.png` });

    await dialog.locator('[name="count.best"]').fill('25');
    await dialog.locator('[name="count.high"]').fill('30');
    await citeFirstSource(page, '#correct-dialog', 'reuters');
    await dialog.locator('textarea[name=reason]').fill('Reuters updated the toll to 25');

    const before = await claim(SUBURBS);
    const sources = before.history[0].sources.map((s: { sourceId: string }) => s.sourceId);
    await viewer
      .app()
      .http.post(`/campaigns/${C}/claims/${SUBURBS}/corrections`)
      .set(asEditor)
      .send({ expectedRevision: before.revision, changes: { note: 'hospital records' }, sources, reason: 'hospital list' })
      .expect(201);

    await dialog.locator('button[type=submit]').click();
    const diff = dialog.locator('.revision-diff');
    await diff.waitFor();
    expect(await diff.locator('tr[data-field=note] .theirs').textContent()).toBe('none → hospital records');
    expect(await diff.locator('tr[data-field=note] .yours').textContent()).toBe('unchanged');
    expect(await diff.locator('tr[data-field=count] .theirs').textContent()).toBe('unchanged');
    expect(await diff.locator('tr[data-field=count] .yours').textContent()).toBe('20 → 25 (at most 30)');
    // the form now stands on the newest revision: their note, and the editor's figure
    expect(await dialog.locator('textarea[name=note]').inputValue()).toBe('hospital records');
    expect(await dialog.locator('[name="count.best"]').inputValue()).toBe('25');
    await page.screenshot({ path: `${SHOTS}/claim-correct-409-1400.png` });
    const reapply = dialog.locator('button[type=submit]');
    expect(await reapply.textContent()).toBe(`Re-apply my changes on revision ${before.revision + 1}`);
    await reapply.click();

    await expect.poll(() => page.locator('#correct-dialog').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toBe(`Corrected ${SUBURBS} (count) to revision ${before.revision + 2}.`);
    const after = await claim(SUBURBS);
    expect(after).toMatchObject({ revision: before.revision + 2, count: { best: 25, high: 30 }, note: 'hospital records' });
    expect(after.history.at(-1)).toMatchObject({
      event: 'ClaimCorrected',
      actor: 'editor',
      reason: 'Reuters updated the toll to 25',
    });

    const audit = (
      await viewer
        .app()
        .http.get(`/campaigns/${C}/audit/casualties?side=civilians&category=killed&day=2024-12-06&figure=daily`)
        .expect(200)
    ).body;
    expect(audit.changes.at(-1)).toMatchObject({
      event: 'ClaimCorrected',
      claimId: SUBURBS,
      actor: 'editor',
      reason: 'Reuters updated the toll to 25',
    });
    expect(page.errors.filter((e) => !/409/.test(e))).toEqual([]);
    await page.close();
  });

  test('given a claim corrected meanwhile, when it is retracted from its card citing a source registered on the spot, then the log and the day’s casualty figure no longer count it; and a rank given from a card is the claim’s rank', async () => {
    const daily = async () =>
      (await viewer.app().http.get(`/campaigns/${C}/casualties?day=2024-11-28&side=civilians&category=killed`).expect(200)).body
        .figures[0]?.daily.best ?? 0;
    const counted = await daily();
    const page = await signedIn();
    const card = await logCard(page, ATARIB, 'atarib');
    await card.locator('.claim-retract').click();
    const dialog = page.locator('#retract-dialog');
    await dialog.waitFor();
    // the retraction cites a report registered on the spot
    await dialog.locator('.new-source summary').click();
    await dialog.locator('[name=source-title]').fill('Atarib toll was for Darat Izza');
    await dialog.locator('[name=source-publisher]').fill('reuters');
    await dialog.locator('[name=source-publisher]').dispatchEvent('change');
    await dialog.locator('[name=source-published]').fill('2024-11-29');
    await page.screenshot({ path: `${SHOTS}/claim-retract-1400.png` });
    await dialog.locator('.register-source').click();
    const registered = 'reuters-2024-11-29-atarib-toll-was-for';
    await expect.poll(() => dialog.locator(`li[data-source="${registered}"] input`).isChecked()).toBe(true);
    await dialog.locator('textarea[name=reason]').fill('the report was about another town');

    // corrected meanwhile: the dialog says so and retracts the newest revision
    const before = await claim(ATARIB);
    await viewer
      .app()
      .http.post(`/campaigns/${C}/claims/${ATARIB}/corrections`)
      .set(asEditor)
      .send({ expectedRevision: before.revision, changes: { note: 'checked' }, sources: before.sources, reason: 'checked' })
      .expect(201);
    await dialog.locator('button[type=submit]').click();
    await dialog.locator('.revision-diff').waitFor();
    const retractNewest = dialog.locator('button[type=submit]');
    expect(await retractNewest.textContent()).toBe(`Retract revision ${before.revision + 1}`);
    await retractNewest.click();
    await expect.poll(() => page.locator('#retract-dialog').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toBe(
      `Retracted ${ATARIB} at revision ${before.revision + 2}: the views no longer count it.`,
    );
    await expect.poll(() => page.locator(`#log li[data-claim="${ATARIB}"]`).count()).toBe(0);
    const retracted = await claim(ATARIB);
    expect(retracted.retracted).toBe(true);
    expect(retracted.history.at(-1)).toMatchObject({
      event: 'ClaimRetracted',
      reason: 'the report was about another town',
      sources: [{ sourceId: registered, publisher: 'reuters' }],
    });
    expect(await daily()).toBe(counted - 15);

    const flee = await logCard(page, FLEE);
    await flee.locator('.claim-rank').click();
    const rank = page.locator('#rank-dialog');
    await rank.waitFor();
    expect(await rank.locator('input[name=rank]:checked').inputValue()).toBe('normal');
    await page.screenshot({ path: `${SHOTS}/claim-rank-1400.png` });
    await rank.locator('input[value=preferred]').check();
    await rank.locator('textarea[name=reason]').fill('Reuters had reporters in the city');
    await rank.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('#rank-dialog').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toMatch(new RegExp(`^Ranked ${FLEE} preferred`));
    expect((await claim(FLEE)).rank).toBe('preferred');
    expect(page.errors.filter((e) => !/409/.test(e))).toEqual([]);
    await page.close();
  });

  test('given a reader, then no card offers an edit; given an editor, then a place’s history and its audit do, and a refused correction says each problem beside its field', async () => {
    const reader = await open(`/?campaign=${C}&at=${MORNING}`);
    await reader.locator('#log > li.claim').first().waitFor();
    expect(await reader.locator('.claim-actions').count()).toBe(0);
    await reader.close();

    const page = await signedIn();
    await page.locator('#log .log-open[data-place="homs"]').first().click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Homs');
    // a control claim's form: the control vocabulary, and the campaign's factions to choose from
    await page.locator('#details-body blockquote[data-claim] .claim-correct').first().click();
    const control = page.locator('#correct-dialog');
    await control.waitFor();
    expect(await control.locator('select[name=status] option').allTextContents()).toEqual([
      'controlled',
      'contested',
      'besieged',
      'vacated',
    ]);
    expect(await control.locator('select[name=controller] option').allTextContents()).toContain('Syrian Arab Army');
    expect(await control.locator('[data-field=count]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/claim-correct-control-1400.png` });
    await control.locator('button.cancel').click();
    await page.locator('#details-body .audit-open').click();
    await page.locator('#details-body ol.audit li[data-claim] .claim-rank').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/claim-audit-1400.png` });
    await page.locator('#details-close').click();

    const card = await logCard(page, FLEE);
    await card.locator('.claim-correct').click();
    const dialog = page.locator('#correct-dialog');
    await dialog.waitFor();
    await dialog.locator('[name="count.low"]').fill('2000');
    await dialog.locator('textarea[name=reason]').fill('the low figure was misread');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('[data-problem=sources]').textContent()).toBe('name the source of the correction');
    await citeFirstSource(page, '#correct-dialog', 'reuters');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('[data-problem=count]').textContent()).toBe('must not exceed best');
    await page.screenshot({ path: `${SHOTS}/claim-correct-422-1400.png` });
    expect((await claim(FLEE)).count).toEqual({ best: 1000, low: 1000, openEnded: true });
    expect(page.errors.filter((e) => !/422/.test(e))).toEqual([]);
    await page.close();
  });

  test('given a phone, then each dialog fits the screen', async () => {
    const page = await signedIn(PHONE);
    const card = await logCard(page, FLEE);
    for (const edit of ['correct', 'rank', 'retract']) {
      await card.locator(`.claim-${edit}`).click();
      const dialog = page.locator(`#${edit}-dialog`);
      await dialog.waitFor();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${SHOTS}/claim-${edit}-390.png` });
      await dialog.locator('button.cancel').click();
      await expect.poll(() => page.locator(`#${edit}-dialog`).count()).toBe(0);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

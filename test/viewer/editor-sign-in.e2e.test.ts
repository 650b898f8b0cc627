/// <reference lib="dom" />
import { describe, expect } from 'vitest';
import { KEYS } from '../support/app';
import { PHONE, shippedViewer } from '../support/shipped-viewer';

/** An editor signs in to the viewer with a key; a reader sees no editing controls and no key anywhere. */
const viewer = shippedViewer({ RATE_LIMIT_EXPENSIVE_READS: '6000' });
const { open, test } = viewer;

describe('signing in to edit, in Chromium', () => {
  test('given an editor key, when it is pasted into the sign-in, then the header names the editor and role, and the key stays out of the link and out of local storage', async () => {
    const page = await open('/?campaign=syria-2024');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('editing'))).toBe(false);
    await page.locator('#sign-in').click();
    await page.locator('#sign-in-key').fill('not-a-key-of-this-service');
    await page.locator('#sign-in-form button[type=submit]').click();
    await expect.poll(() => page.locator('#sign-in-problem').textContent()).toBe('The service does not know this key.');

    await page.locator('#sign-in-key').fill(KEYS.editor);
    await page.locator('#sign-in-form button[type=submit]').click();
    await expect.poll(() => page.locator('#editor-who').textContent()).toBe('Editing as editor (editor)');
    expect(await page.evaluate(() => document.body.classList.contains('editing'))).toBe(true);
    expect(page.url()).not.toContain(KEYS.editor);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(KEYS.editor);

    await page.reload();
    await expect.poll(() => page.locator('#editor-who').textContent()).toBe('Editing as editor (editor)');
    await page.locator('#sign-out').click();
    expect(await page.evaluate(() => document.body.classList.contains('editing'))).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await expect.poll(() => page.locator('#sign-in').isVisible()).toBe(true);
    expect(page.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });

  test('given a phone, when an admin signs in, then the sign-in fits the screen and names the role', async () => {
    const page = await open('/?campaign=syria-2024', PHONE);
    await page.locator('#sign-in').click();
    const box = await page.locator('#sign-in-dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('#sign-in-key').fill(KEYS.admin);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#editor-who').textContent()).toBe('Editing as admin (admin)');
  });
});

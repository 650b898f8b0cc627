/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, shippedViewer, type ViewerPage } from '../support/shipped-viewer';

/** The afternoon of 5 December 2024: Hama falls, Homs is next. */
const AT = '2024-12-05T15:00:00.000Z';

interface Place {
  placeId: string;
  name: string;
  governorate: string;
  lat: number | null;
}

const viewer = shippedViewer();
const { test } = viewer;
/** syria-2024's gazetteer, as the service lists it. */
const places = async (): Promise<Place[]> => (await viewer.app().http.get('/campaigns/syria-2024/places').expect(200)).body;

async function open(viewport = DESKTOP, query = ''): Promise<ViewerPage> {
  const page = await viewer.open(`/?campaign=syria-2024&at=${AT}${query}`, viewport);
  await expect.poll(() => page.locator('#clock').getAttribute('data-at'), { timeout: 20_000 }).toBe(AT);
  // the layout follows in the next frame
  await expect.poll(() => visibleLabels(page).then((l) => l.length)).toBeGreaterThan(0);
  return page;
}

const marker = (page: Page, place: string) => page.locator(`#map [data-place="${place}"].place`);
const shownMarkers = (page: Page) => page.locator('#map .places .place:not(.clustered)');
const viewWidth = (page: Page) => page.locator('#map').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
const mapCentre = (page: Page) =>
  page.locator('#map').evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });

/** The boxes, in the page, of the labels shown and of the markers drawn. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, id: e.closest('[data-place]')?.getAttribute('data-place') };
    };
    return {
      labels: Array.from(document.querySelectorAll('#map .labels .label[visibility="visible"]'), (l) => ({
        ...rect(l),
        text: l.textContent,
      })),
      markers: Array.from(document.querySelectorAll('#map .places .place:not(.clustered) .hit'), rect),
    };
  });
}
const visibleLabels = (page: Page) => boxes(page).then((b) => b.labels);

/** The SVG point under a point of the page. */
const svgPointAt = (page: Page, x: number, y: number) =>
  page.locator('#map').evaluate(
    (svg, [x, y]) => {
      const p = new DOMPoint(x, y).matrixTransform((svg as SVGSVGElement).getScreenCTM()!.inverse());
      return { x: p.x, y: p.y };
    },
    [x, y] as const,
  );

describe('the map, decluttered', () => {
  test('a click at Homs’ marker opens Homs, on a desktop and on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(viewport);
      const dot = await marker(page, 'homs').locator('.dot').boundingBox();
      expect(dot).not.toBeNull();
      await page.mouse.click(dot!.x + dot!.width / 2, dot!.y + dot!.height / 2);
      await expect.poll(() => page.locator('#details-title').textContent()).toBe('Homs');
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });

  test('places without coordinates are not drawn but listed beside the map by governorate, found by name and chosen for their state', async () => {
    const page = await open();
    const gazetteer = await places();
    const unlocated = gazetteer.filter((p) => p.lat === null);
    expect(unlocated.length).toBeGreaterThan(50);
    const drawn = await page.locator('#map .places .place').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-place')));
    expect(drawn.sort()).toEqual(
      gazetteer
        .filter((p) => p.lat !== null)
        .map((p) => p.placeId)
        .sort(),
    );

    const list = page.locator('#unlocated-list');
    expect(await page.locator('#unlocated').getAttribute('open')).not.toBeNull();
    expect(await list.locator('li').count()).toBe(unlocated.length);
    expect(await list.locator('h3').allTextContents()).toEqual([...new Set(unlocated.map((p) => p.governorate))].sort());
    const prison = list.locator('li[data-place="homs-central-prison"]');
    expect(await prison.locator('xpath=ancestor::section/h3').textContent()).toBe('Homs');

    await page.locator('#unlocated-search').fill('prison');
    await expect.poll(() => list.locator('li:not([hidden])').count()).toBe(1);
    expect(await list.locator('section:not([hidden]) h3').allTextContents()).toEqual(['Homs']);
    expect(await page.locator('#unlocated-count').textContent()).toBe(`1 of ${unlocated.length}`);
    await page.locator('#unlocated-search').fill('no such place');
    await expect.poll(() => page.locator('#unlocated-none').isVisible()).toBe(true);
    await page.locator('#unlocated-search').fill('PRISON');

    // by keyboard: from the search box to the place, and Enter
    await page.locator('#unlocated-search').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.place)).toBe('homs-central-prison');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Homs Central Prison');
    expect(await page.locator('#details .subtitle').first().textContent()).toContain('location unknown');
    const story = await page.locator('#details .story').textContent();
    expect(story).toMatch(/^At .*: /);
    expect(story).toContain((await prison.locator('.state').textContent())!);
    expect(await prison.locator('button').getAttribute('aria-current')).toBe('true');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('on a phone the list is folded away, opens and closes, and its places are large enough to tap', async () => {
    const page = await open(PHONE);
    const panel = page.locator('#unlocated');
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await page.locator('#unlocated-search').isVisible()).toBe(false);
    await page.locator('#unlocated summary').click();
    await expect.poll(() => page.locator('#unlocated-search').isVisible()).toBe(true);
    const heights = await page
      .locator('#unlocated summary, #unlocated-search, #unlocated-list button, .zoom button')
      .evaluateAll((es) => es.filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(40);
    await page.locator('#unlocated-list li[data-place="homs-central-prison"] button').click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('Homs Central Prison');
    await page.keyboard.press('Escape');
    await page.locator('#unlocated summary').click();
    await expect.poll(() => page.locator('#unlocated-search').isVisible()).toBe(false);
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('zooming in separates a cluster, and markers keep their size on screen', async () => {
    const page = await open();
    const before = await shownMarkers(page).count();
    const size = () =>
      marker(page, 'aleppo')
        .locator('.dot')
        .evaluate((d) => d.getBoundingClientRect().width);
    const sizeBefore = await size();
    const badge = page.locator('#map .cluster[data-lead="aleppo"]');
    const inCluster = Number(await badge.getAttribute('data-count'));
    expect(inCluster).toBeGreaterThan(1);
    expect(await badge.getAttribute('aria-label')).toMatch(/^Aleppo and \d+ places near it: \d+ (held by|no claim)/);
    await badge.click();
    await expect.poll(() => shownMarkers(page).count()).toBeGreaterThan(before);
    expect(await size()).toBeCloseTo(sizeBefore, 1);
    // a badge's count is how many places it stands for
    const counted = await page
      .locator('#map .cluster')
      .evaluateAll((bs) => bs.reduce((n, b) => n + Number((b as SVGElement).dataset.count), 0));
    expect((await shownMarkers(page).count()) + counted).toBe((await places()).filter((p) => p.lat !== null).length);

    // the buttons and keys zoom as before; reset shows the whole map again
    const width = await viewWidth(page);
    await page.locator('#zoom-in').click();
    expect(await viewWidth(page)).toBeLessThan(width);
    await page.locator('#zoom-reset').click();
    await page.keyboard.press('+');
    const zoomed = await viewWidth(page);
    await page.keyboard.press('-');
    expect(await viewWidth(page)).toBeGreaterThan(zoomed);
    await page.locator('#zoom-reset').click();
    await expect.poll(() => shownMarkers(page).count()).toBe(before);
    // and by keyboard: a badge takes the focus, Enter zooms in on its cluster
    await page.locator('#map .cluster[data-lead="damascus"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownMarkers(page).count()).toBeGreaterThan(before);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('the wheel zooms in proportion to its travel about the pointer, two fingers pinch, and a drag pans without opening a place', async () => {
    const page = await open();
    const centre = await mapCentre(page);
    const at = { x: centre.x - 100, y: centre.y + 50 };
    const full = await viewWidth(page);
    const wheel = async (deltaY: number) => {
      await page.locator('#zoom-reset').click();
      await page.mouse.move(at.x, at.y);
      const under = await svgPointAt(page, at.x, at.y);
      await page.mouse.wheel(0, deltaY);
      await expect.poll(() => viewWidth(page)).not.toBe(full);
      // within a pixel (the map is drawn at about one SVG unit a pixel)
      const after = await svgPointAt(page, at.x, at.y);
      expect(Math.abs(after.x - under.x)).toBeLessThan(1);
      expect(Math.abs(after.y - under.y)).toBeLessThan(1);
      return (await viewWidth(page)) / full;
    };
    const little = await wheel(-10);
    const more = await wheel(-150);
    expect(little).toBeLessThan(1);
    expect(little).toBeGreaterThan(0.95);
    expect(more).toBeLessThan(little);
    expect(more).toBeGreaterThan(0.5);

    await page.locator('#zoom-reset').click();
    const from = [
      { x: centre.x - 30, y: centre.y },
      { x: centre.x + 30, y: centre.y },
    ];
    const under = await svgPointAt(page, centre.x, centre.y);
    await page.locator('#map').evaluate((svg, from) => {
      const fire = (type: string, pointerId: number, x: number, y: number) =>
        svg.dispatchEvent(
          new PointerEvent(type, {
            pointerId,
            pointerType: 'touch',
            isPrimary: pointerId === 1,
            clientX: x,
            clientY: y,
            buttons: type === 'pointerup' ? 0 : 1,
            bubbles: true,
          }),
        );
      fire('pointerdown', 1, from[0]!.x, from[0]!.y);
      fire('pointerdown', 2, from[1]!.x, from[1]!.y);
      // the fingers spread to twice their distance, about the same midpoint
      for (let step = 1; step <= 6; step++) {
        fire('pointermove', 1, from[0]!.x - 5 * step, from[0]!.y);
        fire('pointermove', 2, from[1]!.x + 5 * step, from[1]!.y);
      }
      fire('pointerup', 1, from[0]!.x - 30, from[0]!.y);
      fire('pointerup', 2, from[1]!.x + 30, from[1]!.y);
    }, from);
    expect((await viewWidth(page)) / full).toBeCloseTo(0.5, 2);
    const after = await svgPointAt(page, centre.x, centre.y);
    expect(Math.abs(after.x - under.x)).toBeLessThan(1);
    expect(Math.abs(after.y - under.y)).toBeLessThan(1);

    // one finger or the mouse drags the map; a drag that ends on a marker does not open it
    await page.locator('#zoom-reset').click();
    const x = () => page.locator('#map').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.x);
    const before = await x();
    const homs = await marker(page, 'homs').locator('.dot').boundingBox();
    await page.mouse.move(homs!.x - 60, homs!.y + homs!.height / 2);
    await page.mouse.down();
    await page.mouse.move(homs!.x - 30, homs!.y + homs!.height / 2, { steps: 5 });
    await page.mouse.move(homs!.x + homs!.width / 2, homs!.y + homs!.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await x()).toBeLessThan(before);
    expect(await page.locator('#details').isHidden()).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('no label covers a marker at the default zoom, and the selected place is always labelled', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(viewport);
      const { labels, markers } = await boxes(page);
      const overlaps = labels.flatMap((l) =>
        markers
          .filter(
            (m) =>
              Math.min(l.x + l.w, m.x + m.w) - Math.max(l.x, m.x) > 0.5 &&
              Math.min(l.y + l.h, m.y + m.h) - Math.max(l.y, m.y) > 0.5,
          )
          .map((m) => `${l.text} over ${m.id}`),
      );
      expect(overlaps).toEqual([]);
      const texts = labels.map((l) => l.text);
      for (const city of ['Aleppo', 'Damascus', 'Homs']) expect(texts).toContain(city);

      // Sheikh Maqsood, a district of Aleppo, stands behind the city at this zoom: selected, it is drawn and labelled
      expect(await marker(page, 'sheikh-maqsood').getAttribute('class')).toContain('clustered');
      const selected = await open(viewport, '&place=sheikh-maqsood');
      await expect.poll(() => marker(selected, 'sheikh-maqsood').getAttribute('class')).not.toContain('clustered');
      await expect.poll(() => visibleLabels(selected).then((l) => l.map((b) => b.text))).toContain('Sheikh Maqsood');
      expect(selected.errors).toEqual([]);
      await selected.close();
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });
});

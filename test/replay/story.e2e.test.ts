import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { TestClient, type Json } from './socket-client';

/**
 * The hour-by-hour story of syria-2024 as a viewer of the shipped data gets it. Besides its
 * checks it prints the figures the README reports; rerun them with
 * `npx vitest run test/replay/story.e2e.test.ts`.
 */
const C = 'syria-2024';
const ZONE = 'Asia/Damascus';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ LOAD_EVENTS: 'true' });
}, 120_000);
afterAll(async () => app?.close());

/** The local wall-clock time of an instant in the campaign's zone, "HH:MM". */
const localTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

async function replay(from: string, to: string): Promise<{ snapshot: Json; frames: Json[] }> {
  const client = new TestClient(app.url, '/replay');
  await client.connected();
  const started = await client.ack('replay:start', { campaignId: C, from, to, speed: 1000 });
  expect(started.ok).toBe(true);
  await client.until(() => client.of('replay:end').length > 0, 30_000);
  expect(client.invalid).toEqual([]);
  client.close();
  return { snapshot: client.of('replay:snapshot')[0], frames: client.of('replay:frame') };
}

describe('the story of syria-2024, hour by hour', () => {
  it('given the replay of 7–8 December, when it reaches 12:00 local on 8 December, then Homs and Damascus each show the opposition holding them or a change to them under way', async () => {
    const { snapshot, frames } = await replay('2024-12-07', '2024-12-08');
    const noon = frames.findIndex((f) => f.until === '2024-12-08T09:00:00.000Z');
    expect(noon).toBeGreaterThan(0);
    // the state at noon: the snapshot, then every frame's changes up to noon
    const control = new Map<string, Json>(snapshot.control.map((s: Json) => [s.place, s]));
    const pending = new Map<string, Json[]>();
    for (const p of snapshot.pending) pending.set(p.place, [...(pending.get(p.place) ?? []), p]);
    for (const frame of frames.slice(0, noon + 1)) {
      for (const s of frame.control) control.set(s.place, s);
      for (const claim of frame.claims)
        for (const [place, list] of pending)
          pending.set(
            place,
            list.filter((p) => p.claimId !== claim.claimId),
          );
      for (const p of frame.pending) pending.set(p.place, [...(pending.get(p.place) ?? []), p]);
    }
    for (const place of ['homs', 'damascus']) {
      const held = control.get(place)?.bloc === 'opposition';
      const underWay = (pending.get(place) ?? []).some((p) => p.bloc === 'opposition');
      expect({ place, held, underWay, state: control.get(place), pending: pending.get(place) }).toMatchObject({
        place,
        ...(held ? { held: true } : { underWay: true }),
      });
    }
  }, 60_000);

  it('given the whole offensive, when its figures are computed, then changes are spread over the hours, places are held from the first day and few stay with the government after its fall', async () => {
    const claims: Json[] = [];
    for (let after: string | undefined; ;) {
      const page = (await app.http.get(`/campaigns/${C}/claims?limit=1000${after ? `&after=${after}` : ''}`).expect(200)).body;
      claims.push(...page.items);
      if (!page.next) break;
      after = page.next;
    }
    const atMidnight = claims.filter((c) => localTime(c.time.to) === '00:00').length;

    const { snapshot, frames } = await replay('2024-11-27', '2024-12-08');
    // an hour tells something when a place changes in it, or a change is under way through it
    const underWay = new Map<string, string>(snapshot.pending.map((p: Json) => [`${p.place}|${p.claimId}`, p.to]));
    let busyHours = 0;
    const changeHours = frames.filter((f) => f.control.length > 0).length;
    for (const frame of frames) {
      const busy = frame.control.length > 0 || underWay.size > 0 || frame.pending.length > 0;
      for (const [key, to] of underWay) if (Date.parse(to) <= Date.parse(frame.until)) underWay.delete(key);
      for (const p of frame.pending) underWay.set(`${p.place}|${p.claimId}`, p.to);
      if (busy) busyHours++;
    }

    const places = (await app.http.get(`/campaigns/${C}/places`).expect(200)).body;
    const firstDay = (await app.http.get(`/campaigns/${C}/control?at=2024-11-26T21:00:00.000Z`).expect(200)).body.places;
    const stated = new Set(firstDay.filter((p: Json) => p.status).map((p: Json) => p.place));
    const stateless = places.filter((p: Json) => !stated.has(p.placeId)).length;

    const lastDay = (await app.http.get(`/campaigns/${C}/control?day=2024-12-31`).expect(200)).body.places;
    const government = lastDay.filter((p: Json) => p.bloc === 'government');
    const kept = await Promise.all(
      government.map(async (p: Json) => {
        const claim = (await app.http.get(`/campaigns/${C}/claims/${p.basis[0]}`).expect(200)).body;
        return `  ${p.name} (${p.controller}, ${p.inferred ? 'inferred from' : 'by'} ${claim.claimId}): "${claim.quote}"`;
      }),
    );

    console.log(
      [
        `[story] ${C}: ${atMidnight} of ${claims.length} claims take effect at local midnight`,
        `[story] ${busyHours} of ${frames.length} hours of 27 Nov–8 Dec have a change, or a change under way; ${changeHours} have a place changing state`,
        `[story] ${stateless} of ${places.length} places are in no state at the start of 27 Nov`,
        `[story] ${government.length} places held by the government on 31 Dec:`,
        ...kept,
      ].join('\n'),
    );
    expect(busyHours).toBeGreaterThan(frames.length / 4);
    expect(stateless).toBeLessThan(places.length / 2);
    expect(government.length).toBeLessThanOrEqual(3);
  }, 60_000);
});

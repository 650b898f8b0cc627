import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';

const C = 'syria-2024';
const DAY = '2024-12-08';
const MAP = `/campaigns/${C}/control?day=${DAY}`;
let app: TestApp;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/** A GET whose body is read as sent: the HTTP clients of the tests would decompress it. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const decoded = ({ headers, bytes }: RawAnswer): string => {
  const coding = headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(bytes).toString();
  if (coding === 'gzip') return gunzipSync(bytes).toString();
  return bytes.toString();
};

interface PlaceState {
  place: string;
}
interface Place {
  placeId: string;
  lat: number | null;
  lon: number | null;
}

beforeAll(async () => {
  app = await startTestApp({ LOAD_EVENTS: 'true' });
}, 120_000);
afterAll(async () => app?.close());

describe('views sent compressed, as the client accepts', () => {
  it('sends the map as br or gzip that decompress to exactly the plain JSON, with Vary, Content-Encoding and Content-Length', async () => {
    const plain = await rawGet(MAP);
    const br = await rawGet(MAP, { 'Accept-Encoding': 'gzip, deflate, br' });
    const gzip = await rawGet(MAP, { 'Accept-Encoding': 'gzip' });

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    for (const answer of [plain, br, gzip]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
      expect(answer.headers.etag).toBe(plain.headers.etag);
      expect(decoded(answer)).toBe(plain.bytes.toString());
    }
    expect(JSON.parse(plain.bytes.toString()).places.length).toBeGreaterThan(50);
  });

  it('keeps the compressed map of a day within 15 % of its JSON', async () => {
    const plain = await rawGet(MAP);
    const br = await rawGet(MAP, { 'Accept-Encoding': 'br' });
    const gzip = await rawGet(MAP, { 'Accept-Encoding': 'gzip' });

    expect(br.bytes.length / plain.bytes.length).toBeLessThanOrEqual(0.15);
    expect(gzip.bytes.length / plain.bytes.length).toBeLessThanOrEqual(0.15);
  });

  it('honours q-values: a refused coding is not sent, and identity;q=0 still gets a coding it accepts', async () => {
    expect((await rawGet(MAP, { 'Accept-Encoding': 'gzip, br;q=0' })).headers['content-encoding']).toBe('gzip');
    expect((await rawGet(MAP, { 'Accept-Encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(MAP, { 'Accept-Encoding': 'identity;q=0, gzip;q=0.5' })).headers['content-encoding']).toBe('gzip');
    expect((await rawGet(MAP, { 'Accept-Encoding': 'br;q=0.4, gzip;q=0.9' })).headers['content-encoding']).toBe('gzip');
  });

  it('answers 304 with Vary to a client holding the current version, whatever coding it accepts', async () => {
    const { headers } = await rawGet(MAP, { 'Accept-Encoding': 'br' });
    for (const accepted of ['br', 'gzip', 'identity']) {
      const again = await rawGet(MAP, { 'Accept-Encoding': accepted, 'If-None-Match': String(headers.etag) });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers.vary).toMatch(/accept-encoding/i);
      expect(again.headers.etag).toBe(headers.etag);
    }
  });

  it('compresses an answer once per state of the log: a second request finds it kept', async () => {
    const other = `/campaigns/${C}/control?day=2024-12-05`;
    const first = await rawGet(other, { 'Accept-Encoding': 'br' });
    const second = await rawGet(other, { 'Accept-Encoding': 'br' });

    expect(first.headers['server-timing']).toMatch(/^compress;desc="made br";dur=\d+(\.\d+)?$/);
    expect(second.headers['server-timing']).toBe('compress;desc="kept br"');
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('makes a new answer, with a new ETag and new bytes, once a claim is recorded', async () => {
    const day = `/campaigns/${C}/control?day=2024-12-31`;
    const before = await rawGet(day, { 'Accept-Encoding': 'br' });
    const source = (await app.http.get(`/campaigns/${C}/sources`).expect(200)).body[0].sourceId as string;
    await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send({
        claimId: 'homs-2024-12-30-compressed-views',
        type: 'control',
        time: { date: '2024-12-30' },
        sources: [source],
        quote: 'Homs was held by the government.',
        place: 'homs',
        status: 'controlled',
        controller: 'saa',
      })
      .expect(201);

    const after = await rawGet(day, { 'Accept-Encoding': 'br', 'If-None-Match': String(before.headers.etag) });

    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.headers['server-timing']).toMatch(/made br/);
    expect(decoded(after)).not.toBe(decoded(before));
    expect(decoded(after)).toContain('homs-2024-12-30-compressed-views');
  });

  it('sends a day’s casualty figures compressed and versioned as well', async () => {
    const path = `/campaigns/${C}/casualties?day=${DAY}`;
    const plain = await rawGet(path);
    const gzip = await rawGet(path, { 'Accept-Encoding': 'gzip' });

    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(gzip)).toBe(plain.bytes.toString());
    expect((await rawGet(path, { 'If-None-Match': String(plain.headers.etag) })).status).toBe(304);
  });
});

describe('part of a control map', () => {
  const whole = async () =>
    JSON.parse((await rawGet(MAP)).bytes.toString()) as Record<string, unknown> & { places: PlaceState[] };

  it('answers only the places whose coordinates fall in the box, leaving out places without coordinates', async () => {
    const map = await whole();
    const gazetteer = new Map(
      ((await app.http.get(`/campaigns/${C}/places`).expect(200)).body as Place[]).map((p) => [p.placeId, p]),
    );
    const [west, south, east, north] = [36.5, 34.5, 37.5, 35.5];
    const expected = map.places
      .filter(({ place }) => {
        const { lat, lon } = gazetteer.get(place) ?? {};
        return lat != null && lon != null && lon >= west && lon <= east && lat >= south && lat <= north;
      })
      .map((p) => p.place);

    const part = await app.http.get(`${MAP}&bbox=${west},${south},${east},${north}`).expect(200);

    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(map.places.length);
    expect(part.body.places.map((p: PlaceState) => p.place)).toEqual(expected);
    expect(part.body.places).toEqual(map.places.filter((p) => expected.includes(p.place)));
    // every other field is the whole map's
    expect({ ...part.body, places: [] }).toEqual({ ...map, places: [] });
    const everywhere = await app.http.get(`${MAP}&bbox=-180,-90,180,90`).expect(200);
    const placed = map.places.filter(({ place }) => gazetteer.get(place)?.lat != null);
    expect(everywhere.body.places).toEqual(placed);
    expect(placed.length).toBeLessThan(map.places.length);
  });

  it('answers only the places named, kept and compressed as an answer of its own', async () => {
    const map = await whole();
    const named = [map.places[3]!.place, map.places[0]!.place, map.places.at(-1)!.place];

    const part = await app.http.get(`${MAP}&places=${named.join(',')}`).expect(200);
    const br = await rawGet(`${MAP}&places=${named.join(',')}`, { 'Accept-Encoding': 'br' });

    expect(part.body.places).toEqual(map.places.filter((p) => named.includes(p.place)));
    expect({ ...part.body, places: [] }).toEqual({ ...map, places: [] });
    expect(decoded(br)).toBe(JSON.stringify(part.body));
    expect(br.headers.etag).not.toBe((await rawGet(MAP)).headers.etag);
  });

  it('refuses an unknown place with the ids meant, and more than 500 places', async () => {
    const unknown = await app.http.get(`${MAP}&places=homs,hmos`).expect(422);
    expect(unknown.body.errors).toEqual([
      { path: 'places', message: expect.stringMatching(/unknown place "hmos"; did you mean "homs"/) },
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `place-${i}`).join(',');
    const tooMany = await app.http.get(`${MAP}&places=${many}`).expect(422);
    expect(tooMany.body.errors[0]).toMatchObject({ path: 'places', message: expect.stringMatching(/at most 500/) });
  });

  it.each([
    ['three numbers', '36,34,37'],
    ['a word', '36,34,east,35'],
    ['west not below east', '37,34,36,35'],
    ['south not below north', '36,35,37,34'],
    ['a longitude past 180', '-181,34,37,35'],
    ['a latitude past 90', '36,34,37,91'],
    ['an empty part', '36,,37,35'],
  ])('refuses a bbox of %s, naming bbox and the accepted form', async (_case, bbox) => {
    const refused = await app.http.get(`${MAP}&bbox=${bbox}`).expect(422);
    expect(refused.body.errors).toEqual([{ path: 'bbox', message: expect.stringContaining('west,south,east,north') }]);
  });
});

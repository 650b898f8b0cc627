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

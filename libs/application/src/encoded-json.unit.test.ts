import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncodedJson } from './encoded-json';

const map = JSON.stringify({
  places: Array.from({ length: 500 }, (_, i) => ({ place: `place-${i}`, status: 'controlled', controller: 'hts' })),
});

describe('EncodedJson: an answer kept as JSON bytes and compressed once per coding', () => {
  it('given an answer nobody asked compressed, when its plain bytes are sent, then nothing is compressed', async () => {
    const answer = new EncodedJson(map, '7-abc');

    const { bytes, compressedInMs } = await answer.body('identity');

    expect(bytes.toString()).toBe(map);
    expect(compressedInMs).toBeUndefined();
    expect(answer.compressions).toBe(0);
  });

  it('given br and gzip asked for, when decompressed, then each is exactly the JSON', async () => {
    const answer = new EncodedJson(map, '7-abc');

    const br = await answer.body('br');
    const gzip = await answer.body('gzip');

    expect(brotliDecompressSync(br.bytes).toString()).toBe(map);
    expect(gunzipSync(gzip.bytes).toString()).toBe(map);
    expect(br.bytes.length).toBeLessThan(map.length / 10);
  });

  it('given a coding asked for again, and by requests at the same time, then it is compressed once and the same bytes are sent', async () => {
    const answer = new EncodedJson(map, '7-abc');

    const [first, together] = await Promise.all([answer.body('br'), answer.body('br')]);
    const later = await answer.body('br');

    expect(first.compressedInMs).toBeGreaterThanOrEqual(0);
    expect(together.compressedInMs).toBeUndefined();
    expect(later.compressedInMs).toBeUndefined();
    expect(later.bytes).toBe(first.bytes);
    expect(answer.compressions).toBe(1);
    await answer.body('gzip');
    expect(answer.compressions).toBe(2);
  });
});

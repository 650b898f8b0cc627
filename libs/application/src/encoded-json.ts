import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The content codings an answer is kept in beside its plain bytes, best first. */
export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/**
 * Brotli's quality for a kept answer. On a day's control map of 1,036,717 bytes (1,700 places of
 * `syntheticCampaign({ claims: 340_000, seed: 7 })`, day 2024-12-10), niced on a busy 2-core
 * machine, `node dist/bench/compression-figures.js map.json` gave (median of 5):
 *   quality 4: 15.5 ms, 64,841 bytes (6.3 %)
 *   quality 5: 11.4 ms, 54,630 bytes (5.3 %)
 *   quality 11: 1,640 ms, 39,943 bytes (3.9 %)
 *   gzip level 6: 6.1 ms, 56,950 bytes (5.5 %)
 * 11 would keep the first client of each new state waiting over a second and hold a thread-pool
 * thread that long; 5 costs what 4 does and is smaller, well under 15 % of the JSON.
 */
const BROTLI_QUALITY = 5;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The work of one request on an answer's bytes: how long it spent compressing, if it did. */
export interface EncodedBody {
  bytes: Buffer;
  /** Milliseconds this request spent compressing; absent when the bytes were already kept. */
  compressedInMs?: number;
}

/**
 * One answer as JSON bytes, and as br and gzip once a client has asked for them: each coding is
 * made at most once per answer — concurrent first requests wait for the same compression — and
 * kept as long as the answer is. Compression runs on zlib's thread pool, not the event loop.
 */
export class EncodedJson {
  readonly identity: Buffer;
  private readonly coded = new Map<ContentCoding, Promise<Buffer>>();
  /** How many compressions this answer has made: one per coding asked for, however many requests. */
  compressions = 0;

  constructor(
    json: string,
    /** The version of the log the answer was made from, with what was asked: its ETag. */
    readonly version: string,
  ) {
    this.identity = Buffer.from(json);
  }

  /**
   * The bytes this answer may come to hold: its JSON, and its br and gzip forms once asked for
   * (each well under a fifth of the JSON, as measured above).
   */
  get weight(): number {
    return Math.ceil(this.identity.length * 1.4);
  }

  async body(coding: ContentCoding | 'identity'): Promise<EncodedBody> {
    if (coding === 'identity') return { bytes: this.identity };
    const kept = this.coded.get(coding);
    if (kept) return { bytes: await kept };
    const started = performance.now();
    const made = this.compress(coding);
    this.coded.set(coding, made);
    this.compressions++;
    // a failed compression is not kept, so the next request tries again
    made.catch(() => this.coded.delete(coding));
    const bytes = await made;
    return { bytes, compressedInMs: performance.now() - started };
  }

  private compress(coding: ContentCoding): Promise<Buffer> {
    if (coding === 'gzip') return gzipped(this.identity);
    return brotli(this.identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.length,
      },
    });
  }
}

import type { Request, Response } from 'express';
import type { EncodedJson } from '@timeline/application';
import { negotiateCoding } from './accept-encoding';

/**
 * Sends a kept answer in the coding the client prefers, with its ETag; 304 when the client
 * already holds that version, as Express judges freshness (`If-None-Match` lists, `*`, weak
 * comparison, `Cache-Control: no-cache`).
 *
 * One weak ETag is shared by the plain, gzip and br bytes of an answer: they are the same JSON,
 * which is what a weak validator promises (RFC 9110 §8.8.1), so a client or cache that switches
 * codings still revalidates to a 304, and the ETag stays a version of the log a client can
 * compare. Strong ETags per coding would be needed only for range requests, which views do not serve.
 */
export async function sendVersionedJson(req: Request, res: Response, answer: EncodedJson): Promise<void> {
  res.setHeader('ETag', `W/"${answer.version}"`);
  res.vary('Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const coding = negotiateCoding(req.headers['accept-encoding']);
  const { bytes, compressedInMs } = await answer.body(coding);
  res.type('application/json');
  if (coding !== 'identity') {
    res.setHeader('Content-Encoding', coding);
    // whether this request paid for the compression, or found it kept: what a cache of answers is judged by
    res.setHeader(
      'Server-Timing',
      compressedInMs === undefined
        ? `compress;desc="kept ${coding}"`
        : `compress;desc="made ${coding}";dur=${compressedInMs.toFixed(1)}`,
    );
  }
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

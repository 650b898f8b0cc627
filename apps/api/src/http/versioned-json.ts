import type { Request, Response } from 'express';
import type { VersionedJson } from '@timeline/application';

/**
 * Sends a serialised answer with its ETag; 304 when the client already holds that version, as
 * Express judges freshness (`If-None-Match` lists, `*`, weak comparison, `Cache-Control: no-cache`).
 */
export function sendVersionedJson(req: Request, res: Response, { json, version }: VersionedJson): void {
  res.setHeader('ETag', `W/"${version}"`);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}

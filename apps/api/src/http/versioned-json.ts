import type { Request, Response } from 'express';
import type { VersionedJson } from '@timeline/application';

/** Sends a serialised answer with its ETag; 304 when the client already holds that version. */
export function sendVersionedJson(req: Request, res: Response, { json, version }: VersionedJson): void {
  const etag = `W/"${version}"`;
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}

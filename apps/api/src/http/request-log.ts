import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
/** What a client's id may look like; anything else is replaced rather than echoed or stored. */
export const SANE_CORRELATION_ID = /^[\w.:-]{1,100}$/;

const ids = new WeakMap<Request, string>();

/** The request's correlation id: the one the client sent when it is sane, else one made for it. */
export function correlationIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) {
    const sent = request.headers[CORRELATION_HEADER];
    id = typeof sent === 'string' && SANE_CORRELATION_ID.test(sent) ? sent : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/** One line a request, once it is answered (or the client went away). */
export interface RequestLine {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  correlationId: string;
  aborted?: true;
}

const logger = new Logger('http');

/**
 * Every answer, errors included, carries the request's correlation id; the events a request
 * appends carry it too (command-context.ts), so a log line leads to what the request stored.
 */
export function requestLog(request: Request, response: Response, next: NextFunction): void {
  const started = performance.now();
  const correlationId = correlationIdOf(request);
  const path = request.originalUrl.split('?', 1)[0] ?? request.originalUrl;
  response.setHeader(CORRELATION_HEADER, correlationId);
  response.once('close', () => {
    const line: RequestLine = {
      method: request.method,
      path,
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      correlationId,
      ...(response.writableFinished ? {} : { aborted: true as const }),
    };
    logger.log(line);
  });
  next();
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem';

/** Seconds a client refused during a stop is asked to wait: a restart or another instance is that far away. */
const RETRY_AFTER_SECONDS = 2;
/** How long no request may have arrived before the server stops listening. */
const QUIET_MS = 250;
const POLL_MS = 25;

/**
 * The HTTP side of a stop. Requests under way finish; requests that arrive once the stop has
 * begun are refused with 503 and `Retry-After` before they touch the store, and every answer
 * from then on closes its connection. The server keeps listening until requests have stopped
 * coming for a moment: a connection accepted just as it stops listening would be reset with its
 * request unanswered, whereas one refused by a closed port is a clean, retryable failure.
 */
export class Draining {
  private stopping = false;
  private readonly open = new Set<Response>();
  private lastArrival = 0;

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    this.lastArrival = Date.now();
    this.open.add(response);
    // 'close' follows 'finish', and also comes alone when the client goes away first
    response.once('close', () => this.open.delete(response));
    if (!this.stopping) return next();
    response.setHeader('Connection', 'close');
    sendProblem(response, 503, 'the service is stopping: retry shortly', RETRY_AFTER_SECONDS);
  };

  get underWay(): number {
    return this.open.size;
  }

  /**
   * Refuses new requests, then waits until those under way have finished and none has arrived
   * for a moment, at most `timeoutMs`; answers how many were still open.
   */
  async stop(timeoutMs: number): Promise<number> {
    this.stopping = true;
    for (const response of this.open) if (!response.headersSent) response.setHeader('Connection', 'close');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (this.open.size || Date.now() - this.lastArrival < QUIET_MS)) await sleep(POLL_MS);
    return this.open.size;
  }
}

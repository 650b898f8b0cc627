import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import type { RateLimiter } from '../http/rate-limit';
import { findKey, type ApiKey } from './api-keys';
import { bearerToken } from './auth.guard';
import { API_KEYS, READ_BUDGET } from './auth.tokens';

const EXPENSIVE = 'timeline:expensive-read';

/**
 * A route every answer of which is costly to make, whatever its query, and how many views of the
 * past one answer counts as.
 */
export const ExpensiveRead = (cost: number) => SetMetadata(EXPENSIVE, cost);

/** A view asked about a past state of knowledge is computed afresh rather than served from a cache. */
const PAST_PARAMS = ['knownAt', 'reportedBy'];

/** How long a client that asks again before its `Retry-After` waits for its refusal. */
export const REFUSAL_HOLD_MS = 1000;
/** Refusals held at once; past them a refusal is answered at once (each held one is an open request). */
const MAX_HELD = 1000;

/**
 * Clients without a key have a budget of expensive reads per client address, so a few of them
 * hammering views of the past or exports cannot take the service from writers and cheap reads.
 * A request with a known key is not counted.
 *
 * A client refused that asks again before its `Retry-After` is over gets its next refusal after
 * a hold of a second (or what is left of its wait, if less): a client that ignores `Retry-After`
 * and asks again as soon as it is refused would otherwise have the service answer thousands of
 * refusals a second, each costing the event loop more than the writes it is meant to protect.
 * A client that honours `Retry-After` is never held.
 */
@Injectable()
export class ReadBudgetGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKey[],
    @Inject(READ_BUDGET) private readonly budget: RateLimiter,
  ) {}

  /** When each refused client's wait ends (ms since the epoch): asking before then is asking again. */
  private readonly refusedUntil = new Map<string, number>();
  private held = 0;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const cost = this.costOf(context, request);
    if (cost === 0) return true;
    const token = bearerToken(request);
    if (token && findKey(this.keys, token)) return true;
    // a route costlier than a whole window's budget takes the whole window, rather than never answering
    const client = `client:${request.ip ?? 'unknown'}`;
    const wait = await this.budget.hit(client, Math.min(cost, this.budget.limit));
    if (wait === 0) return true;
    await this.holdIfAskingAgain(client, wait);
    throw new ProblemException(
      429,
      'Too Many Requests',
      `without an API key, a client may make ${this.budget.limit} expensive reads every ${this.budget.windowSeconds} s (a view with knownAt or reportedBy counts as one${cost > 1 ? `, this one as ${cost}` : ''}); retry in ${wait} s`,
      undefined,
      wait,
    );
  }

  /** Holds the refusal of a client refused before whose wait is not over; notes when this one's wait ends. */
  private async holdIfAskingAgain(client: string, wait: number): Promise<void> {
    const now = Date.now();
    const until = this.refusedUntil.get(client);
    this.refusedUntil.set(client, now + wait * 1000);
    if (this.refusedUntil.size > 100_000) this.refusedUntil.clear();
    if (until === undefined || until <= now || this.held >= MAX_HELD) return;
    this.held++;
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.min(REFUSAL_HOLD_MS, until - now)));
    } finally {
      this.held--;
    }
  }

  private costOf(context: ExecutionContext, request: Request): number {
    const routeCost = this.reflector.getAllAndOverride<number | undefined>(EXPENSIVE, [context.getHandler(), context.getClass()]);
    if (routeCost !== undefined) return routeCost;
    const query = request.query as Record<string, unknown>;
    return PAST_PARAMS.some((name) => query[name] !== undefined) ? 1 : 0;
  }
}

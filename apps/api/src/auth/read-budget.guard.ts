import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import type { RateLimiter } from '../http/rate-limit';
import { findKey, type ApiKey } from './api-keys';
import { bearerToken } from './auth.guard';
import { RefusalHold } from './refusal-hold';
import { API_KEYS, READ_BUDGET } from './auth.tokens';

const EXPENSIVE = 'timeline:expensive-read';

/**
 * A route every answer of which is costly to make, whatever its query, and how many views of the
 * past one answer counts as.
 */
export const ExpensiveRead = (cost: number) => SetMetadata(EXPENSIVE, cost);

/** A view asked about a past state of knowledge is computed afresh rather than served from a cache. */
const PAST_PARAMS = ['knownAt', 'reportedBy'];

/**
 * Clients without a key have a budget of expensive reads per client address, so a few of them
 * hammering views of the past or exports cannot take the service from writers and cheap reads.
 * A request with a known key is not counted.
 * A client that keeps asking before its `Retry-After` is over gets its refusals held (see
 * RefusalHold).
 */
@Injectable()
export class ReadBudgetGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKey[],
    @Inject(READ_BUDGET) private readonly budget: RateLimiter,
  ) {}

  private readonly hold = new RefusalHold();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const cost = this.costOf(context, request);
    if (cost === 0) return true;
    const token = bearerToken(request);
    if (token && findKey(this.keys, token)) return true;
    const client = `client:${request.ip ?? 'unknown'}`;
    // a route costlier than a whole window's budget takes the whole window, rather than never answering
    const hit = await this.budget.hit(client, Math.min(cost, this.budget.limit));
    if (hit === 0) return true;
    const wait = await this.hold.refuse(client, hit);
    throw new ProblemException(
      429,
      'Too Many Requests',
      `without an API key, a client may make ${this.budget.limit} expensive reads every ${this.budget.windowSeconds} s (a view with knownAt or reportedBy counts as one${cost > 1 ? `, this one as ${cost}` : ''}); retry in ${wait} s`,
      undefined,
      wait,
    );
  }

  private costOf(context: ExecutionContext, request: Request): number {
    const routeCost = this.reflector.getAllAndOverride<number | undefined>(EXPENSIVE, [context.getHandler(), context.getClass()]);
    if (routeCost !== undefined) return routeCost;
    const query = request.query as Record<string, unknown>;
    return PAST_PARAMS.some((name) => query[name] !== undefined) ? 1 : 0;
  }
}

import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../http/problem';
import type { RateLimiter } from '../http/rate-limit';
import { findKey, roleAllows, type ApiKey, type Role } from './api-keys';
import { API_KEYS, RATE_LIMITER } from './auth.tokens';

const ROLE = 'timeline:role';

/** The role a write route needs. Routes without it are open reads. */
export const Requires = (role: Role) => SetMetadata(ROLE, role);

/** The token of `Authorization: Bearer <token>`, if the request carries one. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

export interface Actor {
  name: string;
  role: Role;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKey[],
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needed = this.reflector.getAllAndOverride<Role | undefined>(ROLE, [context.getHandler(), context.getClass()]);
    if (!needed) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearerToken(request);
    if (!token) throw new ProblemException(401, 'Unauthorized', 'this route needs Authorization: Bearer <key>');
    const key = findKey(this.keys, token);
    if (!key) throw new ProblemException(401, 'Unauthorized', 'the API key is not known');
    if (!roleAllows(key.role, needed)) {
      throw new ProblemException(403, 'Forbidden', `this route needs the ${needed} role; key "${key.name}" is ${key.role}`);
    }
    const wait = await this.limiter.hit(`key:${key.name}`);
    if (wait > 0)
      throw new ProblemException(
        429,
        'Too Many Requests',
        `key "${key.name}" made too many writes; retry in ${wait} s`,
        undefined,
        wait,
      );
    request.actor = { name: key.name, role: key.role };
    return true;
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandContext } from '@timeline/application';
import type { Actor } from '../auth/auth.guard';

/** Who is writing (the API key's name), the request's correlation id and the server clock. */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
  return { actor: request.actor?.name ?? 'anonymous', correlationId, now: new Date() };
});

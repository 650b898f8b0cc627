import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@timeline/application';
import type { Actor } from '../auth/auth.guard';
import { correlationIdOf } from './request-log';

/** Who is writing (the API key's name), the request's correlation id and the server clock. */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
  return { actor: request.actor?.name ?? 'anonymous', correlationId: correlationIdOf(request), now: new Date() };
});

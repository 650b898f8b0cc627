import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Requires, type Actor } from './auth.guard';

@Controller('me')
export class MeController {
  /** Whom the presented key signs in as: its name and role, so an editor's screen can say so. */
  @Get()
  @Requires('editor')
  whoAmI(@Req() request: Request & { actor?: Actor }): Actor {
    // the guard sets the actor on every route that requires a role
    const { name, role } = request.actor as Actor;
    return { name, role };
  }
}

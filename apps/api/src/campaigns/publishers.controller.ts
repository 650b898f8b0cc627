import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CatalogCommands, CatalogQueries, CommandContext } from '@timeline/application';
import { Requires } from '../auth/auth.guard';
import { answerWrite } from '../http/answer';
import { Command } from '../http/command-context';
import { CATALOG_COMMANDS, CATALOG_QUERIES } from './catalog.tokens';

@Controller('publishers')
export class PublishersController {
  constructor(
    @Inject(CATALOG_COMMANDS) private readonly commands: CatalogCommands,
    @Inject(CATALOG_QUERIES) private readonly queries: CatalogQueries,
  ) {}

  @Get()
  list() {
    return this.queries.publishers();
  }

  @Post()
  @Requires('admin')
  async register(@Body() body: unknown, @Command() command: CommandContext, @Res({ passthrough: true }) res: Response) {
    const { id, ...rest } = await this.commands.registerPublisher(body, command);
    return answerWrite(res, { publisher: id, ...rest });
  }

  @Post(':publisher/assessments')
  @Requires('admin')
  async assess(@Param('publisher') publisher: string, @Body() body: unknown, @Command() command: CommandContext) {
    const { id, outcome: _o, ...rest } = await this.commands.assessPublisher(publisher, body, command);
    return { publisher: id, ...rest };
  }
}

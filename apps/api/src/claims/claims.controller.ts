import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ClaimCommands, ClaimQueries, CommandContext } from '@timeline/application';
import { Requires } from '../auth/auth.guard';
import { answerWrite } from '../http/answer';
import { Command } from '../http/command-context';
import { parseQuery } from '../http/query';
import { ClaimListQuery } from './claim-list.query';
import { CLAIM_COMMANDS, CLAIM_QUERIES } from './claims.tokens';

@Controller('campaigns/:c/claims')
export class ClaimsController {
  constructor(
    @Inject(CLAIM_COMMANDS) private readonly commands: ClaimCommands,
    @Inject(CLAIM_QUERIES) private readonly queries: ClaimQueries,
  ) {}

  @Post()
  @Requires('editor')
  async record(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { batch, claims } = answerWrite(res, await this.commands.record(campaignId, body, command));
    return batch ? { claims } : claims[0];
  }

  @Get()
  list(@Param('c') campaignId: string, @Query() query: unknown) {
    const { retracted, after, limit, ...filter } = parseQuery(ClaimListQuery, query);
    return this.queries.list(campaignId, { ...filter, includeRetracted: retracted === 'include' }, { after, limit });
  }

  @Get(':id')
  get(@Param('c') campaignId: string, @Param('id') claimId: string) {
    return this.queries.get(campaignId, claimId);
  }

  @Post(':id/corrections')
  @Requires('editor')
  async correct(
    @Param('c') campaignId: string,
    @Param('id') claimId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { revision, position } = await this.commands.correct(campaignId, claimId, body, command);
    return { claimId, revision, position };
  }

  @Post(':id/retraction')
  @Requires('editor')
  async retract(
    @Param('c') campaignId: string,
    @Param('id') claimId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { revision, position } = await this.commands.retract(campaignId, claimId, body, command);
    return { claimId, revision, position };
  }

  @Post(':id/rank')
  @Requires('editor')
  async rank(
    @Param('c') campaignId: string,
    @Param('id') claimId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { revision, position } = await this.commands.rank(campaignId, claimId, body, command);
    return { claimId, revision, position };
  }
}

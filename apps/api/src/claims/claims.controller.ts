import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import type { CommandContext, Timeline } from '@timeline/application';
import { CLAIM_TYPES, DomainError, Slug, isCalendarDate, dayBounds } from '@timeline/domain';
import { listClaims } from '@timeline/views';
import { Requires } from '../auth/auth.guard';
import { Command } from '../http/command-context';
import { parseQuery } from '../http/query';
import { TIMELINE } from '../timeline.token';
import { presentClaim, presentHistoryEntry, sourceRefs } from './claim.presenter';

export const ClaimListQuery = z.strictObject({
  type: z.enum(CLAIM_TYPES).optional(),
  place: Slug.optional(),
  source: Slug.optional(),
  publisher: Slug.optional(),
  operation: Slug.optional(),
  day: z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD').optional(),
  retracted: z.enum(['include', 'exclude']).default('exclude'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.coerce.number().int().min(0).default(0),
});

@Controller('campaigns/:c/claims')
export class ClaimsController {
  constructor(@Inject(TIMELINE) private readonly timeline: Timeline) {}

  @Post()
  @Requires('editor')
  async record(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.timeline.claims.record(campaignId, body, command);
    res.status(result.outcome === 'created' ? 201 : 200);
    return result.batch ? { claims: result.claims } : result.claims[0];
  }

  @Get()
  async list(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(ClaimListQuery, query);
    await this.timeline.models.follower.catchUp();
    const { campaign } = this.timeline.models.campaign(campaignId);
    const ledger = this.timeline.projections.views.ledger(campaignId)!;
    const page = listClaims(
      ledger,
      {
        type: q.type,
        place: q.place,
        source: q.source,
        publisher: q.publisher,
        operation: q.operation,
        day: q.day ? dayBounds(q.day, campaign.timeZone) : undefined,
        includeRetracted: q.retracted === 'include',
      },
      { after: q.after, limit: q.limit },
    );
    return { items: page.items.map(presentClaim), next: page.next };
  }

  @Get(':id')
  async get(@Param('c') campaignId: string, @Param('id') claimId: string) {
    const models = this.timeline.models;
    await models.follower.catchUp();
    models.campaign(campaignId);
    const { state, events } = await this.timeline.claims.read(campaignId, claimId);
    if (!state.exists) throw DomainError.notFound(`claim "${claimId}" does not exist in campaign "${campaignId}"`);
    const { campaignId: _c, ...claim } = state.claim;
    return {
      ...claim,
      revision: state.revision,
      rank: state.rank,
      retracted: state.retracted,
      sourceDetails: sourceRefs(models.catalog, campaignId, claim.sources),
      history: events.map((event) => presentHistoryEntry(event, models.catalog, campaignId)),
    };
  }

  @Post(':id/corrections')
  @Requires('editor')
  async correct(
    @Param('c') campaignId: string,
    @Param('id') claimId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { revision, position } = await this.timeline.claims.correct(campaignId, claimId, body, command);
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
    const { revision, position } = await this.timeline.claims.retract(campaignId, claimId, body, command);
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
    const { revision, position } = await this.timeline.claims.rank(campaignId, claimId, body, command);
    return { claimId, revision, position };
  }
}

import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandContext, Timeline } from '@timeline/application';
import { DomainError } from '@timeline/domain';
import { Requires } from '../auth/auth.guard';
import { answerWrite } from '../http/answer';
import { Command } from '../http/command-context';
import { TIMELINE } from '../timeline.token';

@Controller()
export class CampaignsController {
  constructor(@Inject(TIMELINE) private readonly timeline: Timeline) {}

  @Get('campaigns')
  async list() {
    const { catalog } = await this.caughtUp();
    return [...catalog.campaigns.values()].map(({ campaign, places, sources }) => ({
      campaignId: campaign.campaignId,
      title: campaign.title,
      timeZone: campaign.timeZone,
      window: campaign.window,
      counts: { claims: this.claimCount(campaign.campaignId), places: places.size, sources: sources.size },
    }));
  }

  @Get('campaigns/:c')
  async get(@Param('c') campaignId: string) {
    const models = await this.caughtUp();
    const { campaign, places, sources } = models.campaign(campaignId);
    return { ...campaign, counts: { claims: this.claimCount(campaignId), places: places.size, sources: sources.size } };
  }

  @Post('campaigns')
  @Requires('admin')
  async register(@Body() body: unknown, @Command() command: CommandContext, @Res({ passthrough: true }) res: Response) {
    const { id, ...rest } = await this.timeline.catalog.registerCampaign(body, command);
    return answerWrite(res, { campaignId: id, ...rest });
  }

  @Get('campaigns/:c/places')
  async places(@Param('c') campaignId: string) {
    return [...(await this.caughtUp()).campaign(campaignId).places.values()].map(withoutRevision);
  }

  @Get('campaigns/:c/places/:p')
  async place(@Param('c') campaignId: string, @Param('p') placeId: string) {
    const place = (await this.caughtUp()).campaign(campaignId).places.get(placeId);
    if (!place) throw DomainError.notFound(`place "${placeId}" does not exist in campaign "${campaignId}"`);
    return place;
  }

  @Post('campaigns/:c/places')
  @Requires('editor')
  async registerPlace(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, ...rest } = await this.timeline.catalog.registerPlace(campaignId, body, command);
    return answerWrite(res, { placeId: id, ...rest });
  }

  @Patch('campaigns/:c/places/:p')
  @Requires('editor')
  @HttpCode(200)
  async correctPlace(
    @Param('c') campaignId: string,
    @Param('p') placeId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { id, outcome: _o, ...rest } = await this.timeline.catalog.correctPlace(campaignId, placeId, body, command);
    return { placeId: id, ...rest };
  }

  @Get('campaigns/:c/sources')
  async sources(@Param('c') campaignId: string) {
    return [...(await this.caughtUp()).campaign(campaignId).sources.values()].map(withoutRevision);
  }

  @Get('campaigns/:c/sources/:s')
  async source(@Param('c') campaignId: string, @Param('s') sourceId: string) {
    const models = await this.caughtUp();
    const source = models.campaign(campaignId).sources.get(sourceId);
    if (!source) throw DomainError.notFound(`source "${sourceId}" does not exist in campaign "${campaignId}"`);
    return { ...source, reliability: models.catalog.publishers.get(source.publisher)?.reliability ?? null };
  }

  @Post('campaigns/:c/sources')
  @Requires('editor')
  async registerSource(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, ...rest } = await this.timeline.catalog.registerSource(campaignId, body, command);
    return answerWrite(res, { sourceId: id, ...rest });
  }

  @Patch('campaigns/:c/sources/:s')
  @Requires('editor')
  @HttpCode(200)
  async correctSource(
    @Param('c') campaignId: string,
    @Param('s') sourceId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { id, outcome: _o, ...rest } = await this.timeline.catalog.correctSource(campaignId, sourceId, body, command);
    return { sourceId: id, ...rest };
  }

  @Get('publishers')
  async publishers() {
    return [...(await this.caughtUp()).catalog.publishers.values()];
  }

  @Post('publishers')
  @Requires('admin')
  async registerPublisher(@Body() body: unknown, @Command() command: CommandContext, @Res({ passthrough: true }) res: Response) {
    const { id, ...rest } = await this.timeline.catalog.registerPublisher(body, command);
    return answerWrite(res, { publisher: id, ...rest });
  }

  @Post('publishers/:publisher/assessments')
  @Requires('admin')
  async assess(@Param('publisher') publisher: string, @Body() body: unknown, @Command() command: CommandContext) {
    const { id, outcome: _o, ...rest } = await this.timeline.catalog.assessPublisher(publisher, body, command);
    return { publisher: id, ...rest };
  }

  private claimCount(campaignId: string): number {
    return this.timeline.projections.views.ledger(campaignId)?.claims.size ?? 0;
  }

  private async caughtUp() {
    await this.timeline.models.follower.catchUp();
    return this.timeline.models;
  }
}

function withoutRevision<T extends { revision: number }>(item: T): Omit<T, 'revision'> {
  const { revision: _r, ...rest } = item;
  return rest;
}

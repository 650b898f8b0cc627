import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CatalogCommands, CatalogQueries, CommandContext } from '@timeline/application';
import { Requires } from '../auth/auth.guard';
import { answerWrite } from '../http/answer';
import { Command } from '../http/command-context';
import { CATALOG_COMMANDS, CATALOG_QUERIES } from './catalog.tokens';

@Controller('campaigns')
export class CampaignsController {
  constructor(
    @Inject(CATALOG_COMMANDS) private readonly commands: CatalogCommands,
    @Inject(CATALOG_QUERIES) private readonly queries: CatalogQueries,
  ) {}

  @Get()
  list() {
    return this.queries.campaigns();
  }

  @Get(':c')
  get(@Param('c') campaignId: string) {
    return this.queries.campaign(campaignId);
  }

  @Post()
  @Requires('admin')
  async register(@Body() body: unknown, @Command() command: CommandContext, @Res({ passthrough: true }) res: Response) {
    const { id, ...rest } = await this.commands.registerCampaign(body, command);
    return answerWrite(res, { campaignId: id, ...rest });
  }

  @Patch(':c')
  @Requires('admin')
  @HttpCode(200)
  async amend(@Param('c') campaignId: string, @Body() body: unknown, @Command() command: CommandContext) {
    const { id, outcome: _o, ...rest } = await this.commands.amendCampaign(campaignId, body, command);
    return { campaignId: id, ...rest };
  }

  @Get(':c/places')
  places(@Param('c') campaignId: string) {
    return this.queries.places(campaignId);
  }

  @Get(':c/places/:p')
  place(@Param('c') campaignId: string, @Param('p') placeId: string) {
    return this.queries.place(campaignId, placeId);
  }

  @Post(':c/places')
  @Requires('editor')
  async registerPlace(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, ...rest } = await this.commands.registerPlace(campaignId, body, command);
    return answerWrite(res, { placeId: id, ...rest });
  }

  @Patch(':c/places/:p')
  @Requires('editor')
  @HttpCode(200)
  async correctPlace(
    @Param('c') campaignId: string,
    @Param('p') placeId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { id, outcome: _o, ...rest } = await this.commands.correctPlace(campaignId, placeId, body, command);
    return { placeId: id, ...rest };
  }

  @Get(':c/sources')
  sources(@Param('c') campaignId: string) {
    return this.queries.sources(campaignId);
  }

  @Get(':c/sources/:s')
  source(@Param('c') campaignId: string, @Param('s') sourceId: string) {
    return this.queries.source(campaignId, sourceId);
  }

  @Post(':c/sources')
  @Requires('editor')
  async registerSource(
    @Param('c') campaignId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { id, ...rest } = await this.commands.registerSource(campaignId, body, command);
    return answerWrite(res, { sourceId: id, ...rest });
  }

  @Patch(':c/sources/:s')
  @Requires('editor')
  @HttpCode(200)
  async correctSource(
    @Param('c') campaignId: string,
    @Param('s') sourceId: string,
    @Body() body: unknown,
    @Command() command: CommandContext,
  ) {
    const { id, outcome: _o, ...rest } = await this.commands.correctSource(campaignId, sourceId, body, command);
    return { sourceId: id, ...rest };
  }
}

import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ViewQueries } from '@timeline/application';
import { parseQuery } from '../http/query';
import { sendVersionedJson } from '../http/versioned-json';
import { CasualtiesQuery, CasualtySeriesQuery, ControlQuery, TerritoryQuery, ViewOnlyQuery } from './view-query';
import { VIEW_QUERIES } from './views.tokens';

@Controller('campaigns/:c')
export class ViewsController {
  constructor(@Inject(VIEW_QUERIES) private readonly views: ViewQueries) {}

  /** A day's map is sent compressed, and again only to a client that does not hold that version of it. */
  @Get('control')
  async control(@Param('c') campaignId: string, @Query() query: unknown, @Req() req: Request, @Res() res: Response) {
    await sendVersionedJson(req, res, await this.views.control(campaignId, parseQuery(ControlQuery, query)));
  }

  @Get('control/days')
  days(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.views.controlDays(campaignId, parseQuery(ViewOnlyQuery, query));
  }

  @Get('places/:p/history')
  history(@Param('c') campaignId: string, @Param('p') place: string, @Query() query: unknown) {
    return this.views.placeHistory(campaignId, place, parseQuery(ViewOnlyQuery, query));
  }

  @Get('casualties')
  async casualties(@Param('c') campaignId: string, @Query() query: unknown, @Req() req: Request, @Res() res: Response) {
    await sendVersionedJson(req, res, await this.views.casualties(campaignId, parseQuery(CasualtiesQuery, query)));
  }

  @Get('casualties/series')
  series(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.views.casualtySeries(campaignId, parseQuery(CasualtySeriesQuery, query));
  }

  @Get('territory')
  territory(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.views.territory(campaignId, parseQuery(TerritoryQuery, query));
  }
}

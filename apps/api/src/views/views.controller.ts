import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { campaignLog, type Timeline } from '@timeline/application';
import { DomainError, Slug, CASUALTY_CATEGORIES } from '@timeline/domain';
import {
  auditCasualties,
  auditControl,
  auditTerritory,
  sourceImpact,
  casualtiesOn,
  casualtySeries,
  possibleConflicts,
  controlAt,
  controlDays,
  endOfDay,
  placeHistory,
  claimsCsv,
  controlGeoJson,
  territoryOn,
} from '@timeline/views';
import { parseQuery } from '../http/query';
import { TIMELINE } from '../timeline.token';
import { Day, Instant, ViewParams, viewContext } from './view-query';

export const ControlQuery = z
  .strictObject({ day: Day.optional(), at: Instant.optional(), ...ViewParams })
  .refine((q) => (q.day === undefined) !== (q.at === undefined), { message: 'give day or at (one of them)', path: ['day'] });
export const ViewOnlyQuery = z.strictObject({ ...ViewParams });
export const CasualtiesQuery = z.strictObject({
  day: Day,
  side: Slug.optional(),
  category: z.enum(CASUALTY_CATEGORIES).optional(),
  ...ViewParams,
});
export const CasualtySeriesQuery = z.strictObject({
  side: Slug.optional(),
  category: z.enum(CASUALTY_CATEGORIES).optional(),
  ...ViewParams,
});
export const TerritoryQuery = z.strictObject({ day: Day, ...ViewParams });
export const AuditControlQuery = z
  .strictObject({ place: Slug, at: Instant.optional(), day: Day.optional(), knownAt: ViewParams.knownAt })
  .refine((q) => (q.day === undefined) !== (q.at === undefined), { message: 'give day or at (one of them)', path: ['at'] });
export const AuditCasualtiesQuery = z.strictObject({
  side: Slug,
  category: z.enum(CASUALTY_CATEGORIES),
  day: Day,
  figure: z.enum(['preferred', 'range', 'daily']).default('preferred'),
  knownAt: ViewParams.knownAt,
});
export const AuditTerritoryQuery = z.strictObject({ faction: Slug, day: Day, knownAt: ViewParams.knownAt });
export const ConflictsQuery = z.strictObject({ day: Day.optional(), knownAt: ViewParams.knownAt });
export const ExportQuery = z
  .strictObject({ format: z.enum(['ndjson', 'csv', 'geojson']), day: Day.optional(), ...ViewParams })
  .refine((q) => q.format !== 'geojson' || q.day !== undefined, { message: 'is required for geojson', path: ['day'] });

/** Sends a serialised answer with its ETag; 304 when the client already holds that version. */
function sendJson(req: Request, res: Response, json: string, etag: string): void {
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.type('application/json').send(json);
}

@Controller('campaigns/:c')
export class ViewsController {
  constructor(@Inject(TIMELINE) private readonly timeline: Timeline) {}

  @Get('control')
  async control(@Param('c') campaignId: string, @Query() query: unknown, @Req() req: Request, @Res() res: Response) {
    const q = parseQuery(ControlQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    const at = q.day ? endOfDay(ctx.ledger, q.day) : Date.parse(q.at!);
    // a day's map can be a megabyte: serialised once per state of the log, and not sent again
    // to a client that already has it
    const key = `json|control|${JSON.stringify(q)}`;
    const json = ctx.views.memo(campaignId, key, ctx.knownAt, () =>
      JSON.stringify({
        ...controlAt(ctx.views, ctx.ledger, at, ctx.knownAt, q.operation),
        ...(q.day ? { day: q.day } : {}),
        knownAt: ctx.knownAtEcho,
      }),
    );
    sendJson(req, res, json, `W/"${ctx.views.position}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}"`);
  }

  @Get('control/days')
  async days(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(ViewOnlyQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return { campaignId, knownAt: ctx.knownAtEcho, days: controlDays(ctx.views, ctx.ledger, ctx.knownAt, q.operation) };
  }

  @Get('places/:p/history')
  async history(@Param('c') campaignId: string, @Param('p') place: string, @Query() query: unknown) {
    const q = parseQuery(ViewOnlyQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    if (!ctx.ledger.places.has(place)) throw DomainError.notFound(`place "${place}" does not exist in campaign "${campaignId}"`);
    return { campaignId, place, knownAt: ctx.knownAtEcho, changes: placeHistory(ctx.views, ctx.ledger, place, ctx.knownAt) };
  }

  @Get('casualties')
  async casualties(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(CasualtiesQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return {
      campaignId,
      day: q.day,
      knownAt: ctx.knownAtEcho,
      figures: casualtiesOn(ctx.views, ctx.ledger, q.day, ctx.knownAt, q),
    };
  }

  @Get('casualties/series')
  async series(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(CasualtySeriesQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return { campaignId, knownAt: ctx.knownAtEcho, series: casualtySeries(ctx.views, ctx.ledger, ctx.knownAt, q) };
  }

  @Get('territory')
  async territory(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(TerritoryQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return {
      campaignId,
      day: q.day,
      knownAt: ctx.knownAtEcho,
      factions: territoryOn(ctx.views, ctx.ledger, q.day, ctx.knownAt, q.operation),
    };
  }

  @Get('audit/control')
  async auditControl(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(AuditControlQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    const at = q.day ? endOfDay(ctx.ledger, q.day) : Date.parse(q.at!);
    return {
      campaignId,
      place: q.place,
      at: new Date(at).toISOString(),
      knownAt: ctx.knownAtEcho,
      changes: auditControl(ctx.views, ctx.ledger, q.place, at, ctx.knownAt),
    };
  }

  @Get('audit/casualties')
  async auditCasualties(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(AuditCasualtiesQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return {
      campaignId,
      ...q,
      knownAt: ctx.knownAtEcho,
      changes: auditCasualties(ctx.views, ctx.ledger, q.side, q.category, q.day, q.figure, ctx.knownAt),
    };
  }

  @Get('audit/territory')
  async auditTerritory(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(AuditTerritoryQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return {
      campaignId,
      ...q,
      knownAt: ctx.knownAtEcho,
      changes: auditTerritory(ctx.views, ctx.ledger, q.faction, q.day, ctx.knownAt),
    };
  }

  @Get('sources/:s/impact')
  async impact(@Param('c') campaignId: string, @Param('s') sourceId: string) {
    const ctx = await viewContext(this.timeline, campaignId, undefined);
    if (!ctx.ledger.sources.has(sourceId))
      throw DomainError.notFound(`source "${sourceId}" does not exist in campaign "${campaignId}"`);
    return { campaignId, sourceId, impacts: sourceImpact(ctx.views, ctx.ledger, sourceId) };
  }

  @Get('conflicts')
  async conflicts(@Param('c') campaignId: string, @Query() query: unknown) {
    const q = parseQuery(ConflictsQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    return { campaignId, day: q.day ?? null, conflicts: possibleConflicts(ctx.ledger, ctx.knownAt, q.day) };
  }

  @Get('export')
  async export(@Param('c') campaignId: string, @Query() query: unknown, @Res() res: Response) {
    const q = parseQuery(ExportQuery, query);
    const ctx = await viewContext(this.timeline, campaignId, q.knownAt);
    if (q.format === 'csv') {
      res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="${campaignId}-claims.csv"`);
      res.send(claimsCsv(ctx.ledger));
    } else if (q.format === 'geojson') {
      const view = controlAt(ctx.views, ctx.ledger, endOfDay(ctx.ledger, q.day!), ctx.knownAt, q.operation);
      res.type('application/geo+json').send(JSON.stringify(controlGeoJson(ctx.ledger, view)));
    } else {
      res.type('application/x-ndjson');
      for await (const event of campaignLog(this.timeline.store, campaignId)) res.write(`${JSON.stringify(event)}\n`);
      res.end();
    }
  }
}

import { once } from 'node:events';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CampaignExport } from '@timeline/application';
import { ExpensiveRead } from '../auth/read-budget.guard';
import { parseQuery } from '../http/query';
import { ExportQuery } from './view-query';
import { CAMPAIGN_EXPORT } from './views.tokens';

@Controller('campaigns/:c')
export class ExportController {
  constructor(@Inject(CAMPAIGN_EXPORT) private readonly exports: CampaignExport) {}

  /** An export is the whole campaign: it counts as ten views of the past against a client's budget. */
  @Get('export')
  @ExpensiveRead(10)
  async export(@Param('c') campaignId: string, @Query() query: unknown, @Res() res: Response) {
    const file = await this.exports.file(campaignId, parseQuery(ExportQuery, query));
    if (file.format === 'geojson') {
      res.type('application/geo+json').send(JSON.stringify(file.map));
      return;
    }
    if (file.format !== 'ndjson') {
      res.type('text/csv').setHeader('Content-Disposition', `attachment; filename="${campaignId}-${file.format}.csv"`);
      // a reported table names how many revisions it set aside as undated, before its rows stream
      if (file.unreported !== undefined) {
        res.setHeader('Unreported-Revisions', String(file.unreported));
        res.setHeader('Reported-By', file.reportedBy ?? '');
      }
    } else res.type('application/x-ndjson');
    for await (const chunk of file.lines) if (!res.write(chunk)) await once(res, 'drain');
    res.end();
  }
}

import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { AuditQueries } from '@timeline/application';
import { parseQuery } from '../http/query';
import { AuditCasualtiesQuery, AuditControlQuery, AuditTerritoryQuery, ConflictsQuery, SourceImpactQuery } from './view-query';
import { AUDIT_QUERIES } from './views.tokens';

@Controller('campaigns/:c')
export class AuditController {
  constructor(@Inject(AUDIT_QUERIES) private readonly audit: AuditQueries) {}

  @Get('audit/control')
  control(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.audit.control(campaignId, parseQuery(AuditControlQuery, query));
  }

  @Get('audit/casualties')
  casualties(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.audit.casualties(campaignId, parseQuery(AuditCasualtiesQuery, query));
  }

  @Get('audit/territory')
  territory(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.audit.territory(campaignId, parseQuery(AuditTerritoryQuery, query));
  }

  @Get('sources/:s/impact')
  impact(@Param('c') campaignId: string, @Param('s') sourceId: string, @Query() query: unknown) {
    return this.audit.sourceImpact(campaignId, sourceId, parseQuery(SourceImpactQuery, query));
  }

  @Get('conflicts')
  conflicts(@Param('c') campaignId: string, @Query() query: unknown) {
    return this.audit.conflicts(campaignId, parseQuery(ConflictsQuery, query));
  }
}

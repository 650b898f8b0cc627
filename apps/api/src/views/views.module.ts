import { Module } from '@nestjs/common';
import { AuditQueries, CampaignExport, type ServingViews, type Timeline, ViewQueries } from '@timeline/application';
import { SERVING_VIEWS, TIMELINE } from '../core/core.tokens';
import { AuditController } from './audit.controller';
import { ExportController } from './export.controller';
import { ViewsController } from './views.controller';
import { AUDIT_QUERIES, CAMPAIGN_EXPORT, VIEW_QUERIES } from './views.tokens';

@Module({
  controllers: [ViewsController, AuditController, ExportController],
  providers: [
    { provide: VIEW_QUERIES, useFactory: (serving: ServingViews) => new ViewQueries(serving), inject: [SERVING_VIEWS] },
    { provide: AUDIT_QUERIES, useFactory: (serving: ServingViews) => new AuditQueries(serving), inject: [SERVING_VIEWS] },
    {
      provide: CAMPAIGN_EXPORT,
      useFactory: (serving: ServingViews, timeline: Timeline) => new CampaignExport(serving, timeline.store),
      inject: [SERVING_VIEWS, TIMELINE],
    },
  ],
})
export class ViewsModule {}

import { Module } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import { TIMELINE } from '../core/core.tokens';
import { AuditController } from './audit.controller';
import { ExportController } from './export.controller';
import { ViewsController } from './views.controller';
import { AUDIT_QUERIES, CAMPAIGN_EXPORT, VIEW_QUERIES } from './views.tokens';

@Module({
  controllers: [ViewsController, AuditController, ExportController],
  providers: [
    { provide: VIEW_QUERIES, useFactory: (timeline: Timeline) => timeline.viewQueries, inject: [TIMELINE] },
    { provide: AUDIT_QUERIES, useFactory: (timeline: Timeline) => timeline.auditQueries, inject: [TIMELINE] },
    { provide: CAMPAIGN_EXPORT, useFactory: (timeline: Timeline) => timeline.campaignExport, inject: [TIMELINE] },
  ],
})
export class ViewsModule {}

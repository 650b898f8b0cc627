import { Module } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import { TIMELINE } from '../core/core.tokens';
import { CampaignsController } from './campaigns.controller';
import { CATALOG_COMMANDS, CATALOG_QUERIES } from './catalog.tokens';
import { PublishersController } from './publishers.controller';

@Module({
  controllers: [CampaignsController, PublishersController],
  providers: [
    { provide: CATALOG_COMMANDS, useFactory: (timeline: Timeline) => timeline.catalog, inject: [TIMELINE] },
    { provide: CATALOG_QUERIES, useFactory: (timeline: Timeline) => timeline.catalogQueries, inject: [TIMELINE] },
  ],
})
export class CatalogModule {}

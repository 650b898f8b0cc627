import { Module } from '@nestjs/common';
import { CatalogQueries, type ServingViews, type Timeline } from '@timeline/application';
import { SERVING_VIEWS, TIMELINE } from '../core/core.tokens';
import { CampaignsController } from './campaigns.controller';
import { CATALOG_COMMANDS, CATALOG_QUERIES } from './catalog.tokens';
import { PublishersController } from './publishers.controller';

@Module({
  controllers: [CampaignsController, PublishersController],
  providers: [
    { provide: CATALOG_COMMANDS, useFactory: (timeline: Timeline) => timeline.catalog, inject: [TIMELINE] },
    {
      provide: CATALOG_QUERIES,
      useFactory: (serving: ServingViews, timeline: Timeline) => new CatalogQueries(serving, timeline.models),
      inject: [SERVING_VIEWS, TIMELINE],
    },
  ],
})
export class CatalogModule {}

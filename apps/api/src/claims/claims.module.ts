import { Module } from '@nestjs/common';
import { ClaimQueries, type ServingViews, type Timeline } from '@timeline/application';
import { SERVING_VIEWS, TIMELINE } from '../core/core.tokens';
import { ClaimsController } from './claims.controller';
import { CLAIM_COMMANDS, CLAIM_QUERIES } from './claims.tokens';

@Module({
  controllers: [ClaimsController],
  providers: [
    { provide: CLAIM_COMMANDS, useFactory: (timeline: Timeline) => timeline.claims, inject: [TIMELINE] },
    {
      provide: CLAIM_QUERIES,
      useFactory: (serving: ServingViews, timeline: Timeline) => new ClaimQueries(serving, timeline.models, timeline.claims),
      inject: [SERVING_VIEWS, TIMELINE],
    },
  ],
})
export class ClaimsModule {}

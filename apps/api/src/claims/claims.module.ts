import { Module } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import { TIMELINE } from '../core/core.tokens';
import { ClaimsController } from './claims.controller';
import { CLAIM_COMMANDS, CLAIM_QUERIES } from './claims.tokens';

@Module({
  controllers: [ClaimsController],
  providers: [
    { provide: CLAIM_COMMANDS, useFactory: (timeline: Timeline) => timeline.claims, inject: [TIMELINE] },
    { provide: CLAIM_QUERIES, useFactory: (timeline: Timeline) => timeline.claimQueries, inject: [TIMELINE] },
  ],
})
export class ClaimsModule {}

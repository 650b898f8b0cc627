import { Module } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import { TIMELINE } from '../core/core.tokens';
import { AdminController } from './admin.controller';
import { PROJECTION_ADMIN } from './admin.tokens';

@Module({
  controllers: [AdminController],
  providers: [{ provide: PROJECTION_ADMIN, useFactory: (timeline: Timeline) => timeline.projectionAdmin, inject: [TIMELINE] }],
})
export class AdminModule {}

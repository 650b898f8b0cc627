import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import { Requires } from '../auth/auth.guard';
import { TIMELINE } from '../timeline.token';

@Controller('admin/projections')
export class AdminController {
  constructor(@Inject(TIMELINE) private readonly timeline: Timeline) {}

  @Get()
  @Requires('admin')
  async status() {
    const head = await this.timeline.store.headPosition();
    const position = this.timeline.models.follower.checkpoint;
    return {
      version: this.timeline.projections.version,
      position,
      head,
      lag: Math.max(0, head - position),
      state: 'serving',
      rebuild: this.timeline.projections.rebuild ?? null,
    };
  }

  @Post('rebuild')
  @Requires('admin')
  @HttpCode(202)
  rebuild() {
    const job = this.timeline.projections.startRebuild();
    return { jobId: job.jobId, version: job.version, state: job.state };
  }
}

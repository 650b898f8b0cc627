import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { ProjectionAdmin } from '@timeline/application';
import { Requires } from '../auth/auth.guard';
import { PROJECTION_ADMIN } from './admin.tokens';

@Controller('admin/projections')
export class AdminController {
  constructor(@Inject(PROJECTION_ADMIN) private readonly projections: ProjectionAdmin) {}

  @Get()
  @Requires('admin')
  status() {
    return this.projections.status();
  }

  @Post('rebuild')
  @Requires('admin')
  @HttpCode(202)
  rebuild() {
    return this.projections.startRebuild();
  }
}

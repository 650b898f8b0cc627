import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';

/**
 * Routes that do nothing, beside which the benchmarks measure the real ones: the same process,
 * body parsing, guards and filters, minus the work. Mounted only with BENCH_ROUTES=true.
 */
@Controller('bench')
export class BenchController {
  @Post('noop')
  @HttpCode(201)
  post(@Body() body: unknown) {
    return { ok: typeof body === 'object' };
  }

  @Get('noop')
  get() {
    return { ok: true };
  }
}

import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller';

/** The no-op routes the benchmarks compare against; mounted only with BENCH_ROUTES=true. */
@Module({ controllers: [BenchController] })
export class BenchModule {}

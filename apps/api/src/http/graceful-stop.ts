import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Draining } from './draining';

/** Token of the service's `Draining`, set up by bootstrap in front of every route. */
export const DRAINING = Symbol('Draining');

/** How long requests under way may take to finish once a stop begins; the rest of the 10 s is for the snapshot. */
const DRAIN_MS = 5_000;

/**
 * The first step of a stop. The root module is destroyed before the modules it imports, so
 * new requests are refused and those under way have finished before the gateways tell their
 * sockets and the core module closes the store (core/resources.ts).
 */
@Injectable()
export class GracefulStop implements OnModuleDestroy {
  private readonly logger = new Logger('stop');

  constructor(@Inject(DRAINING) private readonly draining: Draining) {}

  async onModuleDestroy(): Promise<void> {
    const underWay = this.draining.underWay;
    const left = await this.draining.stop(DRAIN_MS);
    this.logger.log(
      `new requests refused; ${underWay - left} under way finished${left ? `, ${left} still running after ${DRAIN_MS} ms` : ''}`,
    );
  }
}

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Timeline } from '@timeline/application';
import type Redis from 'ioredis';
import { REDIS, TIMELINE } from './core.tokens';

/**
 * The service's resources close with the application, whether a test closes it or a signal
 * does (main.ts): the core module is set up first, so it is shut down last, after
 * the gateways have ended their replays. Closing the timeline writes the views' snapshot and
 * closes the store, which folds the SQLite WAL back into the database file.
 */
@Injectable()
export class Resources implements OnApplicationShutdown {
  private readonly logger = new Logger('timeline');

  constructor(
    @Inject(TIMELINE) private readonly timeline: Timeline,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const { snapshotAt, written } = await this.timeline.close();
    const snapshot =
      snapshotAt === undefined
        ? 'no snapshot written'
        : `views' snapshot ${written ? 'written' : 'kept'} at position ${snapshotAt}`;
    this.logger.log(`${snapshot}; store closed`);
    if (!this.redis) return;
    // QUIT lets Redis end the connection after the replies under way; a connection that is down has nothing to finish
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis?.disconnect());
    else this.redis.disconnect();
    this.logger.log('redis: connection closed');
  }
}

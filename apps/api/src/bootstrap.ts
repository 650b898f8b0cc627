import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadCampaigns, Timeline } from '@timeline/application';
import { describeStoreUrl } from '@timeline/store';
import { AppModule } from './app.module';
import { connectRedis } from './core/redis-connection';
import { developmentKey, parseApiKeys, type ApiKey } from './auth/api-keys';
import type { AppConfig } from '@timeline/config';
import { mountDocs } from './docs/mount-docs';
import { Draining } from './http/draining';
import { LogLines } from './http/log-lines';
import { MemoryRateLimiter, RedisRateLimiter } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { TimelineIoAdapter } from './replay/socket-adapter';
import { serveViewer } from './viewer/serve-viewer';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  silent: [],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export interface RunningApp {
  app: NestExpressApplication;
  timeline: Timeline;
  url: string;
  close(): Promise<void>;
}

/** Opens the store, loads the shipped campaigns if asked, and serves HTTP on the configured port. */
export async function startApp(config: AppConfig): Promise<RunningApp> {
  // one JSON object a line, for every message of the service and one for every request
  const lines = new LogLines(LEVELS[config.logLevel]);
  Logger.overrideLogger(lines);
  const logger = new Logger('timeline');
  const timeline = await Timeline.open(config.storeUrl, { onError: (e) => logger.error(`store subscription: ${String(e)}`) });
  const snapshotFile = timeline.store.keepsEvents ? config.viewsSnapshotFile : undefined;
  if (snapshotFile) mkdirSync(config.dataDir, { recursive: true });
  const { resumedFrom } = await timeline.start({ snapshotFile, onWarning: (message) => logger.warn(message) });
  logger.log(
    `store ${timeline.store.kind} at ${describeStoreUrl(config.storeUrl)}, log head ${await timeline.store.headPosition()}${resumedFrom ? `, views resumed from the snapshot at ${resumedFrom}` : ''}`,
  );
  if (config.loadEvents) {
    const report = await loadCampaigns(timeline, config.eventsDir, (line) => logger.log(line));
    logger.log(
      `loaded ${config.eventsDir}: ${report.created} events stored, ${report.unchanged} already there, ` +
        `${report.corrected} corrected to the shipped version, ${report.kept} kept as an editor left them, ${report.problems.length} problems`,
    );
  }

  void timeline.warm();

  const keys: ApiKey[] = config.apiKeys
    ? parseApiKeys(config.apiKeys)
    : [
        developmentKey(config.dataDir, (key, file) => {
          logger.warn(
            `API_KEYS is not set: made a development admin key (shown once; its hash is kept in ${file}):\n\n    ${key}\n`,
          );
        }),
      ];

  const redis = config.redisUrl ? connectRedis(config.redisUrl, config.redisPrefix, logger) : undefined;
  const perWindow = (limit: number, windowSeconds: number) =>
    redis ? new RedisRateLimiter(redis, limit, config.redisPrefix, windowSeconds) : new MemoryRateLimiter(limit, windowSeconds);
  const limiter = perWindow(config.rateLimitWrites, 60);
  // a sixth of the minute's budget every 10 s, so a client cannot spend a minute's worth in one burst
  const readBudget = perWindow(Math.ceil(config.rateLimitExpensiveReads / 6), 10);
  const draining = new Draining();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.with({ config, timeline, keys, limiter, readBudget, redis, draining }),
    { bodyParser: false, logger: lines },
  );
  app.useWebSocketAdapter(
    new TimelineIoAdapter(app, { corsOrigins: config.corsOrigins, redis, redisPrefix: config.redisPrefix }),
  );
  app.use(requestLog);
  app.use(draining.middleware);
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  mountDocs(app);
  if (!serveViewer(app, config.viewerDir)) logger.warn(`no web viewer in ${config.viewerDir}: run npm run build`);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.log(`listening on ${url} (viewer at ${url}/, docs at ${url}/docs)`);
  return {
    app,
    timeline,
    url,
    // the store, Redis and the snapshot close with the application (core/resources.ts)
    close: () => app.close(),
  };
}

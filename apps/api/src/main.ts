import { Logger } from '@nestjs/common';
import { configFromEnv } from '@timeline/config';
import { startApp, type RunningApp } from './bootstrap';

/** The service's own logger: JSON lines at the configured level once the application has started. */
const logger = new Logger('timeline');

/** How long a stop may take before the process ends anyway. */
const STOP_DEADLINE_MS = 10_000;

// A failure in a background task (a fan-out write while Redis is away) is logged, not fatal:
// requests already answered or refused cannot be affected by it.
process.on('unhandledRejection', (reason) =>
  logger.error(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`),
);

/**
 * SIGTERM (`docker compose stop`) or SIGINT (Ctrl-C) closes the application — its shutdown hooks
 * write the snapshot and close the store — and ends the process with 0; a stop that fails or
 * outlasts the deadline ends it with 1.
 */
function stopOnSignals(running: RunningApp): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    setTimeout(() => {
      logger.error(`the stop took over ${STOP_DEADLINE_MS} ms`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const started = Date.now();
    running.close().then(
      () => {
        logger.log(`stopped in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`the stop failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

// a bad configuration is said in one line, like any other failure to start, not as a stack trace
Promise.resolve()
  .then(() => startApp(configFromEnv()))
  .then(stopOnSignals, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

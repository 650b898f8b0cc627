import { configFromEnv } from '@timeline/config';
import { startApp } from './bootstrap';

// A failure in a background task (a fan-out write while Redis is away) is logged, not fatal:
// requests already answered or refused cannot be affected by it.
process.on('unhandledRejection', (reason) =>
  console.error('unhandled rejection:', reason instanceof Error ? reason.message : reason),
);

startApp(configFromEnv()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

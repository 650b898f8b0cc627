import { configFromEnv } from './config';
import { startApp } from './bootstrap';

startApp(configFromEnv()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS } from './app';
import { REDIS_URL } from './redis';

/**
 * The environment of service processes that are instances of one deployment: one SQLite store
 * in a folder of the test's own, the test Redis under a prefix of the run's own, the two test keys.
 */
export function sharedDeployment(label: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `timeline-${label}-`));
  return {
    STORE_URL: `sqlite:${join(dir, 'store.db')}`,
    LOAD_EVENTS: 'false',
    DATA_DIR: dir,
    REDIS_URL,
    REDIS_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
  };
}

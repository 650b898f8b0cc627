import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApp, type RunningApp } from '../../apps/api/src/bootstrap';
import { configFromEnv } from '@timeline/config';

export const KEYS = {
  admin: 'admin-key-0123456789abcdef',
  editor: 'editor-key-0123456789abcdef',
};

export interface TestApp extends RunningApp {
  http: ReturnType<typeof request>;
  dataDir: string;
}

/** The real app on a free port, with a memory store (or the one given) and two known keys. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-test-'));
  const config = configFromEnv({
    PORT: '0',
    STORE_URL: 'memory:',
    LOAD_EVENTS: 'false',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
    ...env,
  });
  const running = await startApp(config);
  return { ...running, http: request(running.url), dataDir };
}

export const asAdmin = { Authorization: `Bearer ${KEYS.admin}` };
export const asEditor = { Authorization: `Bearer ${KEYS.editor}` };

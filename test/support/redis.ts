import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at the test URL. */
export function redisAvailable(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * Tests that need Redis run when it answers. Without it they are skipped with a message saying
 * so — unless REQUIRE_REDIS=1 (as CI sets), when a missing Redis fails the run.
 */
export async function redisOrSkip(): Promise<boolean> {
  if (await redisAvailable()) return true;
  const message = `Redis is not running at ${REDIS_URL}: the multi-instance tests need it (start redis-server, or set TEST_REDIS_URL)`;
  if (process.env.REQUIRE_REDIS === '1') throw new Error(message);
  console.warn(`[redis] SKIPPED: ${message}`);
  return false;
}

/** A redis-server of the test's own on `port`, keeping nothing on disk; resolves once it answers PING. */
export async function spawnRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await redisAvailable(`redis://127.0.0.1:${port}`)); i++)
    await new Promise((r) => setTimeout(r, 50));
  return redis;
}

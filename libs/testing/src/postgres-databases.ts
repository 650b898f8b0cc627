import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The server tests run against: any database of it; each test makes databases of its own. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of another database on the test server. */
export function postgresDatabaseUrl(database: string, server = POSTGRES_URL): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>, server = POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at the test URL. */
export async function postgresAvailable(server = POSTGRES_URL): Promise<boolean> {
  return onServer((client) => client.query('SELECT 1'), server).then(
    () => true,
    () => false,
  );
}

/**
 * Tests that need PostgreSQL run when it answers. Without it they are skipped with a message
 * saying so — unless REQUIRE_POSTGRES=1 (as CI sets), when a missing server fails the run.
 */
export async function postgresOrSkip(): Promise<boolean> {
  if (await postgresAvailable()) return true;
  const where = POSTGRES_URL.replace(/\/\/[^@/]*@/, '//');
  const message = `PostgreSQL is not answering at ${where}: the PostgreSQL store's tests need it (start the server, or set TEST_POSTGRES_URL)`;
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(message);
  console.warn(`[postgres] SKIPPED: ${message}`);
  return false;
}

/** Creates an empty database `timeline_test_<random>` and answers its URL. */
export async function createTestDatabase(server = POSTGRES_URL): Promise<string> {
  const database = `timeline_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await onServer((client) => client.query(`CREATE DATABASE ${database}`), server);
  return postgresDatabaseUrl(database, server);
}

/** Drops a database made by `createTestDatabase`, closing whatever connections it still has. */
export async function dropTestDatabase(url: string, server = POSTGRES_URL): Promise<void> {
  const database = new URL(url).pathname.slice(1);
  if (!/^timeline_test_[0-9a-f]+$/.test(database)) throw new Error(`${database} is not a test database`);
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`), server);
}

import pg from 'pg';
import { describeStoreUrl } from '../store-url';

/** Connections the store's pool opens at most when the URL names no `pool`; LISTEN takes one more. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Limits every connection carries. A statement that runs half a minute is a fault, not a load; a
 * transaction left idle holds the log's head lock and stops every writer, so the server ends it.
 */
const SESSION_LIMITS = {
  statement_timeout: 30_000,
  idle_in_transaction_session_timeout: 15_000,
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
} satisfies pg.ClientConfig;

const INT8 = 20;

/** Positions are `bigint` columns; the port's positions are numbers, exact below 2^53. */
function toPosition(text: string): number {
  const position = Number(text);
  if (!Number.isSafeInteger(position)) throw new Error(`log position ${text} exceeds 2^53`);
  return position;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    oid === INT8
      ? toPosition
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresSettings {
  /** What a connection needs: the URL without the store's own parameters, and the limits above. */
  client: pg.ClientConfig;
  poolSize: number;
  database: string;
  /** The URL without its credentials, for messages. */
  where: string;
}

/** `postgres://user@host:port/db?pool=10`: the pool's size is the store's parameter, the rest pg's. */
export function postgresSettings(url: string): PostgresSettings {
  const parsed = parsedUrl(url);
  const pool = parsed.searchParams.get('pool');
  parsed.searchParams.delete('pool');
  const poolSize = pool === null ? DEFAULT_POOL_SIZE : Number(pool);
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new Error(`STORE_URL's pool=${String(pool)} is not a number of connections (1 or more)`);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  if (!database) throw new Error('STORE_URL postgres:// needs a database, e.g. postgres://timeline@localhost:5432/timeline');
  const where = `${parsed.host || 'localhost'}/${database}`;
  return {
    client: { connectionString: parsed.toString(), application_name: 'timeline', types, ...SESSION_LIMITS },
    poolSize,
    database,
    where,
  };
}

function parsedUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(
      `STORE_URL "${describeStoreUrl(url)}" is not a URL: expected postgres://user[:password]@host[:port]/database ` +
        `with a port from 1 to 65535 (IPv6 hosts in brackets), e.g. postgres://timeline@localhost:5432/timeline`,
    );
  }
}

/** A failure to reach the store's database, said so that an operator knows what to do. */
export function connectionFailure(error: unknown, settings: PostgresSettings): Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '3D000')
    return new Error(
      `PostgreSQL database "${settings.database}" does not exist at ${settings.where}: create it (createdb, or CREATE DATABASE) and start again; the store creates its tables, never the database`,
      { cause: error },
    );
  return new Error(`cannot open the PostgreSQL store at ${settings.where}: ${message}`, { cause: error });
}

/**
 * Runs `work` on a connection of the pool. Out of the pool, a connection has no one listening
 * for its errors, and one the server ends between two statements (a restart) would throw out of
 * the process: here the next statement fails instead. A connection `work` fails on is closed,
 * not reused, and closing it rolls back its transaction and frees its locks.
 */
export async function withConnection<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.removeListener('error', ignore);
    client.release(broken);
  }
}

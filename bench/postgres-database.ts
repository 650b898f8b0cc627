import { setTimeout } from 'node:timers/promises';
import pg from 'pg';

/** The server the PostgreSQL benchmarks make their databases on (`POSTGRES_URL`, any database of it). */
export const POSTGRES_SERVER = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database made for one benchmark on a server, dropped once the benchmark is done with it. */
export interface BenchDatabase {
  url: string;
  /** A setting of the server as `SHOW` answers it, e.g. `synchronous_commit`. */
  show(setting: string): Promise<string | undefined>;
  drop(): Promise<void>;
}

/**
 * Makes the database `name` on the server at `serverUrl`, dropping one of that name a run cut
 * short left behind. Fails saying where, when no server answers.
 */
export async function benchDatabase(serverUrl: string, name: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw new Error(`no PostgreSQL answers at ${where(serverUrl)} (set POSTGRES_URL): ${(error as Error).message}`, {
      cause: error,
    });
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    show: async (setting) => (await admin.query<Record<string, string>>(`SHOW ${setting}`)).rows[0]?.[setting],
    drop: async () => {
      // pg's pools answer `end()` before their sockets have closed, and a session ended by force
      // would raise an error on its pool: wait for the sessions to go instead
      for (let tries = 0; ; tries++) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || tries === 100) throw error;
          await setTimeout(50);
        }
      }
      await admin.end();
    },
  };
}

/** The server's address without its credentials, for messages. */
export function where(serverUrl: string): string {
  return serverUrl.replace(/\/\/[^@/]*@/, '//');
}

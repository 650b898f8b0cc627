import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  STORE_URL: z.string().min(1).optional(),
  LOAD_EVENTS: Bool.default(true),
  EVENTS_DIR: z.string().min(1).optional(),
  VIEWER_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:$/.test(urlOrUndefined(value)?.protocol ?? ''))
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,50}$/)
    .default('timeline'),
  API_KEYS: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  DATA_DIR: z.string().min(1).optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('2mb'),
  RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_EXPENSIVE_READS: z.coerce.number().int().min(1).default(60),
  BENCH_ROUTES: Bool.default(false),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  storeUrl: string;
  loadEvents: boolean;
  eventsDir: string;
  /** The built web viewer served at `/`. */
  viewerDir: string;
  redisUrl?: string;
  /** Prefix of every Redis key and stream, so deployments can share one Redis. */
  redisPrefix: string;
  apiKeys?: string;
  corsOrigins: string[];
  dataDir: string;
  /** Where the views are written at a stop and read at the next start, so a start need not refold the log. */
  viewsSnapshotFile: string;
  bodyLimit: string;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Writes one API key may make per minute. */
  rateLimitWrites: number;
  /** Expensive reads (views as known at or reported by a past moment, exports) one client without a key may make per minute. */
  rateLimitExpensiveReads: number;
  /** Mount the no-op routes the benchmarks compare against. */
  benchRoutes: boolean;
}

/** What each variable accepts, said when its value is not. */
const ACCEPTED: Record<keyof z.infer<typeof Env>, string> = {
  PORT: 'a whole number from 0 to 65535 (0 picks a free port)',
  HOST: 'an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  STORE_URL: 'sqlite:<file>, memory:, a postgres:// URL or a kurrentdb:// connection string',
  LOAD_EVENTS: 'true, false, 1 or 0',
  EVENTS_DIR: 'a folder',
  VIEWER_DIR: 'a folder',
  REDIS_URL: 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 or redis://:password@host:6379/2',
  REDIS_PREFIX: '1 to 50 letters, digits, ":", "_" or "-"',
  API_KEYS: 'role:key pairs separated by commas',
  CORS_ORIGINS: 'origins separated by commas',
  DATA_DIR: 'a folder',
  BODY_LIMIT: 'a size in kb or mb, e.g. 2mb',
  RATE_LIMIT_WRITES: 'a whole number of writes a minute, 1 or more',
  RATE_LIMIT_EXPENSIVE_READS: 'a whole number of reads a minute, 1 or more',
  BENCH_ROUTES: 'true, false, 1 or 0',
  LOG_LEVEL: 'silent, error, warn, info or debug',
};

/** Variables whose values a message never repeats, should one ever be refused: they hold secrets. */
const SECRET = new Set(['API_KEYS']);

/** The configuration from the environment (README, "Configuration"); a bad value stops the start. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const given = emptyAsUnset(env);
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] as (keyof typeof ACCEPTED)[];
    const problems = names.map((name) => {
      const value = SECRET.has(name) ? '' : ` "${withoutPassword(given[name] ?? '')}"`;
      return `${name}${value} is not accepted: expected ${ACCEPTED[name]}`;
    });
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  // one folder holds what the service keeps: unless the store is named, it is a SQLite file in DATA_DIR
  const storeUrl = e.STORE_URL ?? `sqlite:${join(e.DATA_DIR ?? './data', 'timeline.db')}`;
  const dataDir = resolve(e.DATA_DIR ?? defaultDataDir(storeUrl));
  return {
    port: e.PORT,
    host: e.HOST,
    storeUrl,
    loadEvents: e.LOAD_EVENTS,
    eventsDir: resolve(e.EVENTS_DIR ?? join(projectRoot(), 'events')),
    viewerDir: resolve(e.VIEWER_DIR ?? join(projectRoot(), 'dist', 'viewer')),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    apiKeys: e.API_KEYS,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    dataDir,
    viewsSnapshotFile: join(dataDir, 'views.snapshot.ndjson'),
    bodyLimit: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    rateLimitWrites: e.RATE_LIMIT_WRITES,
    rateLimitExpensiveReads: e.RATE_LIMIT_EXPENSIVE_READS,
    benchRoutes: e.BENCH_ROUTES,
  };
}

function defaultDataDir(storeUrl: string): string {
  return storeUrl.startsWith('sqlite:') ? dirname(storeUrl.slice('sqlite:'.length)) : './data';
}

function urlOrUndefined(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * A URL as messages and logs may show it: everything between its scheme and its last `@` (user
 * and password, which may hold `/`, `:` or `@`) replaced by `***`. (The store's own URLs are shown
 * by the same rule, `describeStoreUrl`.)
 */
export function withoutPassword(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(value)?.[0] ?? '';
  return `${scheme}***${value.slice(at)}`;
}

function emptyAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

/** The project's folder (it holds `events/`), found from this file in source or in dist. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'events', 'README.md'))) return dir;
  }
  return resolve('.');
}

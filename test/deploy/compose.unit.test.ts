import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The deployment users start with `docker compose up`, checked as text: no Docker engine runs here. */
const ROOT = join(__dirname, '..', '..');

interface Service {
  build?: string;
  image?: string;
  profiles?: string[];
  restart?: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};

/** A published port, as `[host address, host port]`; no address means every interface. */
function published(port: string): { address: string | undefined } {
  const parts = port.split(':');
  return { address: parts.length === 3 ? parts[0] : undefined };
}

/** The services `docker compose --profile <profile> up` starts: those of that profile, and those of none. */
function servicesOf(profile: string): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => !service.profiles || service.profiles.includes(profile))
    .map(([name]) => name);
}

/** The services built from the Dockerfile: the timeline service, once per store. */
const builtServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

/** Each profile, the store service it starts, and the STORE_URL that names it. */
const STORES = [
  { profile: 'kurrentdb', store: 'kurrentdb', storeUrl: /^kurrentdb:\/\/kurrentdb:2113\b/ },
  { profile: 'postgres', store: 'postgres', storeUrl: /^postgres:\/\/timeline:[^@]+@postgres:5432\/timeline$/ },
];

describe('docker-compose.yml', () => {
  it('given every service, when read, then each restarts after a crash or a reboot', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
  });

  it("given each built service, when read, then its data folder is a named volume of its own, so its keys' hashes and snapshot outlive the container", () => {
    const volumes = builtServices.map(([name, service]) => {
      const dataDir = service.environment?.DATA_DIR;
      expect({ name, dataDir }).toEqual({ name, dataDir: expect.any(String) });
      const volume = (service.volumes ?? []).find((v) => v.endsWith(`:${dataDir}`))?.split(':')[0];
      expect(Object.keys(compose.volumes ?? {})).toContain(volume);
      return volume;
    });
    expect(new Set(volumes).size).toBe(builtServices.length);
  });

  it('given each built service, when read, then it has a healthcheck on /health', () => {
    expect(builtServices.length).toBeGreaterThan(0);
    for (const [name, service] of builtServices)
      expect({ name, test: service.healthcheck?.test.join(' ') }).toEqual({ name, test: expect.stringContaining('/health') });
  });

  it('given the stores and Redis, when read, then none is published on every interface', () => {
    for (const name of ['kurrentdb', 'postgres', 'redis']) {
      expect(compose.services[name]).toBeDefined();
      for (const port of compose.services[name]?.ports ?? []) {
        expect({ name, port, address: published(port).address }).toEqual({ name, port, address: '127.0.0.1' });
      }
    }
  });

  it('given the PostgreSQL store, when read, then it is PostgreSQL 16 with a healthcheck and the database the service names', () => {
    const postgres = compose.services.postgres;
    expect(postgres?.image).toMatch(/^postgres:16(-|$)/);
    expect(postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(postgres?.environment?.POSTGRES_DB).toBe('timeline');
    expect(postgres?.environment?.POSTGRES_USER).toBe('timeline');
    expect(postgres?.volumes?.some((v) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
  });

  describe.each(STORES)('given --profile $profile', ({ profile, store, storeUrl }) => {
    const started = servicesOf(profile);
    const timelines = started.filter((name) => compose.services[name]?.build !== undefined);

    it('when read, then it starts its store, Redis and one timeline service, and no other store', () => {
      expect(started).toContain(store);
      expect(started).toContain('redis');
      expect(timelines).toHaveLength(1);
      for (const other of STORES.filter((s) => s.store !== store)) expect(started).not.toContain(other.store);
    });

    it('when read, then the timeline service names that store in STORE_URL and Redis in REDIS_URL', () => {
      const environment = compose.services[timelines[0] ?? '']?.environment;
      expect(environment?.STORE_URL).toMatch(storeUrl);
      expect(environment?.REDIS_URL).toBe('redis://redis:6379');
    });

    it('when read, then the timeline service waits for the store to be healthy, and depends only on services the profile starts', () => {
      const service = compose.services[timelines[0] ?? ''];
      expect(compose.services[store]?.healthcheck).toBeDefined();
      expect(service?.depends_on?.[store]).toEqual({ condition: 'service_healthy' });
      for (const dependency of Object.keys(service?.depends_on ?? {})) expect(started).toContain(dependency);
    });
  });
});

describe('.dockerignore', () => {
  it('given the build context, when read, then no local build, store, key or dependency goes into the image', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'libs/*/dist', 'data', '*.db', '.git']) expect(ignored).toContain(entry);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1] ?? '');
  const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  /** The major Node lines package.json's engines name, e.g. `^20.19.0 || ^22.13.0` → [20, 22]. */
  const supported = engines.split('||').map((range) => Number(/^\s*\^(\d+)\./.exec(range)?.[1]));
  const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
  const ciLines = [...ciRun.matchAll(/suite-on-node (\d+)/g)].map((m) => Number(m[1]));

  it("given package.json's engines, when read, then each names an LTS line (even major) by a caret range", () => {
    expect(supported.length).toBeGreaterThan(0);
    for (const major of supported) expect({ engines, major, lts: major % 2 === 0 }).toEqual({ engines, major, lts: true });
  });

  it('given every stage, when read, then it runs one Node line on Debian slim, a line that engines name and CI runs the suite on', () => {
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:\d+-bookworm-slim$/);
    const majors = bases.map((base) => Number(/^node:(\d+)-bookworm-slim$/.exec(base)?.[1]));
    expect(new Set(majors).size).toBe(1);
    const [major] = majors;
    expect(supported).toContain(major);
    expect(ciLines).toContain(major);
  });

  it('given the build stage, when read, then the SQLite binding is compiled against the image’s Node, not downloaded prebuilt', () => {
    const build = dockerfile.slice(0, dockerfile.indexOf('npm ci'));
    expect(build).toMatch(/^ENV npm_config_build_from_source=(better-sqlite3|true)$/m);
  });
});

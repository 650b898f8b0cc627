import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The deployment users start with `docker compose up`, checked as text: no Docker engine runs here. */
const ROOT = join(__dirname, '..', '..');

interface Service {
  restart?: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
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

describe('docker-compose.yml', () => {
  it('given every service, when read, then each restarts after a crash or a reboot', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
  });

  it("given the service, when read, then its data folder is a named volume, so its keys' hashes and snapshot outlive the container", () => {
    const timeline = compose.services.timeline;
    const dataDir = timeline?.environment?.DATA_DIR;
    expect(dataDir).toBeDefined();
    const volume = (timeline?.volumes ?? []).find((v) => v.endsWith(`:${dataDir}`));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume?.split(':')[0]);
  });

  it('given the service, when read, then it has a healthcheck on /health', () => {
    expect(compose.services.timeline?.healthcheck?.test.join(' ')).toContain('/health');
  });

  it('given KurrentDB (insecure mode) and Redis, when read, then neither is published on every interface', () => {
    for (const name of ['kurrentdb', 'redis']) {
      for (const port of compose.services[name]?.ports ?? []) {
        expect({ name, port, address: published(port).address }).toEqual({ name, port, address: '127.0.0.1' });
      }
    }
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

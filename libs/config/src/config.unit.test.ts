import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('configFromEnv: where the service keeps its data', () => {
  it('given only DATA_DIR, when configured, then the SQLite store is a file in that folder beside the snapshot', () => {
    const config = configFromEnv({ DATA_DIR: '/srv/timeline' });
    expect(config.storeUrl).toBe('sqlite:/srv/timeline/timeline.db');
    expect(config.dataDir).toBe('/srv/timeline');
    expect(config.viewsSnapshotFile).toBe('/srv/timeline/views.snapshot.ndjson');
  });

  it('given only STORE_URL naming a SQLite file, when configured, then the data folder is that file’s folder', () => {
    const config = configFromEnv({ STORE_URL: 'sqlite:/var/lib/t/store.db' });
    expect(config.dataDir).toBe('/var/lib/t');
  });

  it('given neither, when configured, then both are ./data', () => {
    const config = configFromEnv({});
    expect(config.storeUrl).toBe('sqlite:data/timeline.db');
    expect(config.dataDir).toBe(resolve('data'));
  });

  it('given a KurrentDB store and a data folder, when configured, then the store is the one named and the folder is kept apart', () => {
    const config = configFromEnv({ STORE_URL: 'kurrentdb://db:2113?tls=false', DATA_DIR: '/data' });
    expect(config.storeUrl).toBe('kurrentdb://db:2113?tls=false');
    expect(config.dataDir).toBe('/data');
  });
});

describe('configFromEnv: a value it cannot use', () => {
  it('given a port that is not a number and a Redis URL of another scheme, then one error names each variable, its value and what it accepts', () => {
    expect(() => configFromEnv({ PORT: 'abc', REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      'invalid configuration: PORT "abc" is not accepted: expected a whole number from 0 to 65535 (0 picks a free port); ' +
        'REDIS_URL "http://127.0.0.1:6379" is not accepted: expected a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 or redis://:password@host:6379/2',
    );
  });

  it('given a Redis URL with a password that does not parse, then the message leaves the user and password out, whatever they hold', () => {
    expect(() => configFromEnv({ REDIS_URL: 'redis://user:hunter2@host:port' })).toThrow(
      /REDIS_URL "redis:\/\/\*\*\*@host:port"/,
    );
    expect(() => configFromEnv({ REDIS_URL: 'redis://:pa/ss@w@rd@host:port' })).toThrow(/REDIS_URL "redis:\/\/\*\*\*@host:port"/);
  });

  it('given a write limit of 0, then it is refused alone, the other variables being fine', () => {
    expect(() => configFromEnv({ API_KEYS: 'admin:abc', RATE_LIMIT_WRITES: '0' })).toThrow(
      /^invalid configuration: RATE_LIMIT_WRITES "0" is not accepted: expected a whole number of writes a minute, 1 or more$/,
    );
  });
});

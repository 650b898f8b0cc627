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

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOADER_ACTOR } from '@timeline/application';

export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  name: string;
  role: Role;
  /** sha256 of the key: the key itself is never kept. */
  hash: Buffer;
}

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** `name:role:key` entries, comma separated (`API_KEYS`). */
export function parseApiKeys(spec: string): ApiKey[] {
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [name, role, ...rest] = entry.split(':');
      const key = rest.join(':');
      if (!name || !key) throw new Error(`API_KEYS entry ${i + 1} must be name:role:key`);
      // the loader corrects only what it alone has written, telling its writes apart by this name
      if (name === LOADER_ACTOR)
        throw new Error(`API_KEYS entry ${i + 1} is named "${name}", the name the campaign loader writes under`);
      if (!ROLES.includes(role as Role))
        throw new Error(`API_KEYS entry ${i + 1} ("${name}") has role "${role}": use editor or admin`);
      if (key.length < 16) throw new Error(`API_KEYS entry ${i + 1} ("${name}") needs a key of at least 16 characters`);
      return { name, role: role as Role, hash: hashKey(key) };
    });
}

/**
 * With no keys configured, a development admin key: made once, printed once, and kept (hashed)
 * in the data folder so later starts accept it without printing it again.
 */
export function developmentKey(dataDir: string, announce: (key: string, file: string) => void): ApiKey {
  const file = join(dataDir, 'dev-api-key.sha256');
  if (existsSync(file)) {
    return { name: 'dev', role: 'admin', hash: Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') };
  }
  const key = `dev-${randomBytes(24).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${hashKey(key).toString('hex')}\n`, { mode: 0o600 });
  announce(key, file);
  return { name: 'dev', role: 'admin', hash: hashKey(key) };
}

/** The key a bearer token matches, compared in constant time against every stored hash. */
export function findKey(keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const presented = hashKey(token);
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(key.hash, presented)) found = key;
  return found;
}

export function roleAllows(role: Role, needed: Role): boolean {
  return needed === 'editor' ? role === 'editor' || role === 'admin' : role === 'admin';
}

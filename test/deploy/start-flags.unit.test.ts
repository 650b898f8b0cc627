import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('how the service is started', () => {
  it('given npm start and the Docker image, then both run the built service with the same node flags', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(cmd).toBeDefined();
    expect((JSON.parse(cmd!) as string[]).join(' ')).toBe(scripts.start);
    expect(scripts.start).toMatch(/^node (--[\w-]+=\w+ )*dist\/apps\/api\/src\/main\.js$/);
    expect(scripts.start).toContain('--max-semi-space-size=128');
  });
});

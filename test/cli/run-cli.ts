import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/ports';
import { ROOT } from '../support/server-process';

export { freePort };

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The built terminal tool as its own process, on the store given; `env` adds to (or, with
 * undefined, removes from) the environment. The service it looks for is never the developer's:
 * PORT defaults to one nothing listens on.
 */
export async function timeline(store: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const environment: Record<string, string | undefined> = {
    ...process.env,
    STORE_URL: `sqlite:${store}`,
    PORT: String(await freePort()),
    ...env,
  };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/timeline.js'), ...args], { env: environment });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A store file in a folder of its own (which is also its DATA_DIR), not yet made. */
export function newStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'timeline-cli-')), 'store.db');
}

/** The steps a progress printed, in order: `load: 30% (…)` gives 30. */
export function progressSteps(label: string, output: string): number[] {
  return [...output.matchAll(new RegExp(`^${label}: (\\d+)%`, 'gm'))].map((m) => Number(m[1]));
}

export const EVERY_TENTH = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** When an audit's events were reported, as it prints them on the campaign's clocks (`reported Sat 30 Nov 2024 14:00 (+03:00)`). */
export function reportedInstants(stdout: string): number[] {
  return [...stdout.matchAll(/^#\d+ \S+ reported \w{3} (\d+) (\w{3}) (\d{4}) (\d\d:\d\d) \(([+-]\d\d):(\d\d)\) /gm)].map((m) =>
    Date.parse(`${m[1]} ${m[2]} ${m[3]} ${m[4]} GMT${m[5]}${m[6]}`),
  );
}

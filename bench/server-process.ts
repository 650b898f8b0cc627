import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The project's root, from this file in source or in dist. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
})();
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

/** The flags `npm start` gives node: the service is measured as it is run. */
export const SERVICE_NODE_FLAGS: string[] = (() => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...words] = scripts.start.split(' ');
  if (node !== 'node') throw new Error(`package.json's start script should run node: ${scripts.start}`);
  return words.filter((word) => word.startsWith('--'));
})();

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The built service as its own process, on a free port, with the node flags `npm start` gives it;
 * resolves once it listens. `SERVER_NODE_ARGS` adds flags to its node, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it.
 * `launcher` is a command that runs node in turn and becomes it (as `ip netns exec <ns>` does), so
 * the process killed is the service itself.
 */
export function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
  launcher: string[] = [],
): Promise<ServerProcess> {
  const flags = [...SERVICE_NODE_FLAGS, ...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const [command, ...args] = [...launcher, process.execPath, ...flags, MAIN];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs);
    let listening = false;
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      // once listening, only keep the output: a service logging every request must not wait on its reader
      if (listening) return;
      const url = /listening on (http:\/\/[\d.:[\]]+)/.exec(stripVTControlCharacters(log))?.[1];
      if (url) {
        listening = true;
        clearTimeout(timer);
        resolvePromise({
          child,
          url,
          output: () => log,
          kill: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}`));
    });
  });
}

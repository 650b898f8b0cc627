import { configFromEnv } from '@timeline/config';
import { unknownName } from '@timeline/domain';
import { RefusedInput } from './command';

/**
 * Where the running service is: `--url`, else `http://HOST:PORT` read from the environment as the
 * service reads them (so PORT=4000 for both finds it), else http://127.0.0.1:3000.
 */
export function serviceUrl(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return given.replace(/\/+$/, '');
  const { host, port } = configFromEnv(env);
  // a service listening on every address is reached on this machine's own
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** Nothing answered at the service's address: no process listens there, or it could not be reached. */
export class NoService extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`no service answered at ${url} (${reason}); start it with \`npm start\`, or give --url, or PORT and HOST`);
  }
}

/** An HTTP request to the service; a failure to reach it in `timeoutMs` is a `NoService`. */
export async function askService(url: string, path: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Response> {
  try {
    return await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new NoService(url, cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
  }
}

/** The service's answer as JSON, or what its problem body says went wrong. */
export async function answerOf<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  throw new ServiceRefusal(response.status, await problemText(response));
}

/** The service answered with a 4xx or 5xx. */
export class ServiceRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function problemText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string };
    return `${response.status} ${problem.title ?? response.statusText}${problem.detail ? `: ${problem.detail}` : ''}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/** The campaign as the service's catalog has it; one it does not hold is refused with the nearest it does. */
export async function campaignOfService(url: string, campaignId: string): Promise<{ campaignId: string; timeZone: string }> {
  const response = await askService(url, `/campaigns/${encodeURIComponent(campaignId)}`);
  if (response.status !== 404) return answerOf(response);
  const known = (await answerOf<{ campaignId: string }[]>(await askService(url, '/campaigns'))).map((c) => c.campaignId);
  throw new RefusedInput(
    `${unknownName('campaign', campaignId, known)} (the service at ${url} holds: ${known.join(', ') || 'none'})`,
  );
}

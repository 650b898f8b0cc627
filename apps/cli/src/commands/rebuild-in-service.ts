import { setTimeout as sleep } from 'node:timers/promises';
import type { RebuildJob } from '@timeline/application';
import { RefusedInput } from '../command';
import { Progress } from '../progress';
import { answerOf, askService, ServiceRefusal } from '../service';

interface ProjectionsStatus {
  version: number;
  rebuild: RebuildJob | null;
}

/** Asks the service at `url` to rebuild its views beside the ones it serves, and follows it until it serves them. */
export async function rebuildInService(url: string, key: string | undefined): Promise<number> {
  if (!key)
    throw new RefusedInput(
      `a service answers at ${url}, so it rebuilds its own views; asking it needs an admin key: give --key or set TIMELINE_API_KEY ` +
        '(an API_KEYS entry with the admin role, or the development key the service printed at its first start)',
    );
  const auth = { headers: { authorization: `Bearer ${key}` } };
  const started = await askService(url, '/admin/projections/rebuild', { method: 'POST', ...auth }).then((r) =>
    answerOf<Pick<RebuildJob, 'jobId' | 'version'>>(r).catch(keyRefused(url)),
  );
  process.stderr.write(`rebuilding the views of the service at ${url} beside the ones it serves (version ${started.version})\n`);
  const progress = new Progress('rebuild');
  for (;;) {
    const status = await answerOf<ProjectionsStatus>(await askService(url, '/admin/projections', auth));
    const job = status.rebuild;
    if (job?.jobId !== started.jobId) throw new Error(`the service at ${url} no longer reports the rebuild it started`);
    progress.update(job.state === 'done' ? job.target : job.position, job.target);
    if (job.state === 'failed')
      throw new Error(`the service at ${url} failed to rebuild its views: ${job.error ?? 'no reason given'}`);
    if (job.state === 'done') {
      progress.done(
        `the service at ${url} folded ${job.eventsFolded} events and now serves version ${status.version} of its views`,
      );
      return 0;
    }
    await sleep(200);
  }
}

/** A key the service does not know, or whose role is below admin, is the caller's to fix: exit code 2. */
function keyRefused(url: string) {
  return (error: unknown): never => {
    if (error instanceof ServiceRefusal && (error.status === 401 || error.status === 403))
      throw new RefusedInput(`the service at ${url} refused the key: ${error.message}`);
    throw error;
  };
}

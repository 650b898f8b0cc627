import { Timeline } from '@timeline/application';
import { configFromEnv } from '@timeline/config';
import { DomainError, unknownName } from '@timeline/domain';
import { RefusedInput } from './command';

/** Opens the store STORE_URL names (as the service does), runs `work` on it, and closes it. */
export async function withTimeline<T>(work: (timeline: Timeline, storeUrl: string) => Promise<T>): Promise<T> {
  const { storeUrl } = configFromEnv();
  const timeline = await Timeline.open(storeUrl);
  try {
    return await work(timeline, storeUrl);
  } finally {
    await timeline.close();
  }
}

/**
 * A read whose campaign, place, source or side does not exist, or whose query the application
 * refuses, was misstated on the command line: a usage error, with the application's did-you-mean.
 */
export async function namedOnCommandLine<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'conflict') throw error;
    // the fields' messages carry the did-you-mean, when the message itself does not
    const details = error.errors.map((e) => e.message).filter((m) => !error.message.includes(m));
    throw new RefusedInput([error.message, ...details].join(': '));
  }
}

/** Refuses a campaign the store does not hold, naming the nearest it does. */
export async function checkCampaign(timeline: Timeline, campaignId: string): Promise<void> {
  const known = (await timeline.catalogQueries.campaigns()).map((c) => c.campaignId);
  if (!known.includes(campaignId))
    throw new RefusedInput(`${unknownName('campaign', campaignId, known)} (the store holds: ${known.join(', ') || 'none'})`);
}

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCampaigns, Timeline } from '@timeline/application';
import type { RecordedMessage } from '@timeline/contracts';
import { MemoryEventStore } from '@timeline/store';
import { controlClaim } from '../support/fixtures';

const EVENTS = join(__dirname, '../../events');
const context = { actor: 't', correlationId: 't', now: new Date() };
const claim = (claimId: string) =>
  controlClaim({
    claimId,
    operation: 'homs',
    place: 'homs',
    controller: 'hts',
    time: { date: '2024-12-20' },
    sources: ['wikipedia-homs-offensive-2024'],
  });

let timeline: Timeline;
beforeAll(async () => {
  timeline = new Timeline(new MemoryEventStore());
  await timeline.start();
  expect((await loadCampaigns(timeline, EVENTS)).problems).toEqual([]);
}, 60_000);
afterAll(async () => timeline.close());

describe('live feed', () => {
  it('given a listener following one campaign, when claims are recorded there, then it gets their messages; a listener following none gets nothing', async () => {
    const following: RecordedMessage[] = [];
    const followingNone: RecordedMessage[] = [];
    const stops = [
      timeline.liveFeed.onRecorded(
        (message) => following.push(message),
        (campaignId) => campaignId === 'syria-2024',
      ),
      timeline.liveFeed.onRecorded(
        (message) => followingNone.push(message),
        () => false,
      ),
    ];
    await timeline.claims.record('syria-2024', claim('live-followed'), context);
    await timeline.projectionAdmin.caughtUpViews();
    for (const stop of stops) stop();
    expect(following.map((m) => [m.campaignId, m.event.type, (m.event.data as { claimId: string }).claimId])).toEqual([
      ['syria-2024', 'ControlClaimed', 'live-followed'],
    ]);
    expect(followingNone).toEqual([]);
  });
});

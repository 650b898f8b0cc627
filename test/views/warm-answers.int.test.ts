import { describe, expect, it } from 'vitest';
import { Timeline } from '@timeline/application';
import { MemoryEventStore } from '@timeline/store';
import { syntheticAppends, syntheticCampaign } from '@timeline/synthetic';
import { controlledPlaces, NOW } from '@timeline/views';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A generated campaign of 4,000 claims (50 places), folded in memory. */
async function foldedCampaign() {
  const timeline = new Timeline(new MemoryEventStore());
  await timeline.start();
  for (const append of syntheticAppends(syntheticCampaign({ claims: 4_000, seed: 3 }))) await timeline.store.append([append]);
  const views = await timeline.projectionAdmin.caughtUpViews();
  return { timeline, views, ledger: views.ledger('synthetic')! };
}

/** How many turns of the event loop other work got while `work` ran. */
async function turnsDuring(work: Promise<void>): Promise<number> {
  let done = false;
  void work.then(() => (done = true));
  let turns = 0;
  while (!done) {
    await nextTurn();
    if (!done) turns++;
  }
  return turns;
}

describe('warming the answers of what is known now', () => {
  it('lets other work in whenever a slice of time is used, not after a count of places', async () => {
    const { timeline, views, ledger } = await foldedCampaign();
    const places = controlledPlaces(ledger, NOW).length;
    const keys = ledger.casualtiesByKey.size;

    // a slice of no time: the loop turns after every place and every casualty figure
    expect(await turnsDuring(views.warm(0))).toBeGreaterThanOrEqual(places + keys - 1);
    await timeline.close();

    // a slice longer than the whole warming: it never lets go
    const again = await foldedCampaign();
    expect(await turnsDuring(again.views.warm(60_000))).toBe(0);
    await again.timeline.close();
  });

  it('warms the timelines a query of a fresh fold computes', async () => {
    const { timeline, views, ledger } = await foldedCampaign();
    await views.warm();
    const cold = await foldedCampaign();
    for (const place of controlledPlaces(ledger, NOW)) {
      expect(views.timeline(ledger, place, NOW)).toEqual(cold.views.timeline(cold.ledger, place, NOW));
    }
    await timeline.close();
    await cold.timeline.close();
  });
});

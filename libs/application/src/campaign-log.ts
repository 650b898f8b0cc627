import type { EventStore, StoredEvent } from '@timeline/store';

/** Every stored event of one campaign, in log order, read a page at a time. */
export async function* campaignLog(store: EventStore, campaignId: string, page = 5000): AsyncGenerator<StoredEvent> {
  for (let after = 0; ;) {
    const events = await store.readAll(after, page);
    for (const event of events) if (event.metadata.campaignId === campaignId) yield event;
    const last = events.at(-1);
    if (!last || events.length < page) return;
    after = last.position;
  }
}

import type { RecordedMessage } from '@timeline/contracts';
import type { ServingViews } from './serving-views';

/** Every event recorded in a campaign, as the read models fold it (whichever instance wrote it). */
export class LiveFeed {
  constructor(private readonly serving: ServingViews) {}

  /**
   * Joins the feed of a campaign that exists; answers the position read once joined, so every
   * event after it reaches the subscriber.
   */
  async subscribe(campaignId: string, join: () => Promise<void>): Promise<{ campaignId: string; position: number }> {
    await this.serving.forCampaign(campaignId);
    await join();
    return { campaignId, position: this.serving.checkpoint };
  }

  onRecorded(listener: (message: RecordedMessage) => void): () => void {
    return this.serving.onFolded((events) => {
      for (const event of events) {
        const { campaignId } = event.metadata;
        // publishers' events belong to no campaign
        if (campaignId === null) continue;
        const { type, stream, revision, data, metadata } = event;
        listener({ campaignId, position: event.position, event: { type, stream, revision, data, metadata } });
      }
    });
  }
}

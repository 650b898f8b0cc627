import type { EditorSession } from './editor-session';
import type { Names } from './place-story';
import type { KnownPublisher } from './publishers';
import type { CampaignClock } from './time';
import type { Campaign, Place } from './types';

/** A source as `GET /campaigns/:c/sources` lists it: what a form needs to offer it. */
export interface ListedSource {
  sourceId: string;
  publisher: string;
  publisherName?: string;
  publisherKind?: string;
  title: string;
  url?: string | null;
  publishedAt?: unknown;
}

/** What the editor's forms know of the campaign on screen when they open. */
export interface RecordContext {
  session: EditorSession;
  campaign: Campaign;
  clock: CampaignClock;
  places: Place[];
  sources: ListedSource[];
  publishers: KnownPublisher[];
  /** The local day on screen (YYYY-MM-DD), which a new record is dated by until the editor says otherwise. */
  day: string;
  /** The place chosen in the map, if any. */
  selected?: string;
}

/** What the conflicts inbox needs besides: how factions and publishers are named on the page. */
export interface InboxContext extends RecordContext {
  names: Names;
  publisherName(id: string | null): string;
}

export const campaignUrl = (ctx: { campaign: Pick<Campaign, 'campaignId'> }, ...path: string[]): string =>
  [`/campaigns/${encodeURIComponent(ctx.campaign.campaignId)}`, ...path.map(encodeURIComponent)].join('/');

import type { CampaignRegistration, PlaceRegistration, Grade, SourceRegistration } from '@timeline/domain';
import type { StoredEvent } from '@timeline/store';

export interface CampaignEntry {
  campaign: CampaignRegistration;
  places: Map<string, PlaceRegistration & { revision: number }>;
  sources: Map<string, SourceRegistration & { revision: number }>;
  claimIds: Set<string>;
  factions: Map<string, { id: string; name: string; bloc: string }>;
}

export interface PublisherEntry {
  publisher: string;
  name?: string;
  kind?: string;
  reliability?: Grade;
  assessments: { reliability: Grade; reason: string; position: number; recordedAt: string }[];
}

/**
 * Campaigns, their gazetteer and sources, the claim ids they hold, and publishers with their
 * grades: what commands check references against and what the catalog endpoints list.
 */
export class CatalogView {
  readonly campaigns = new Map<string, CampaignEntry>();
  readonly publishers = new Map<string, PublisherEntry>();

  apply(event: StoredEvent): void {
    const data = event.data as Record<string, any>;
    switch (event.type) {
      case 'CampaignRegistered': {
        const campaign = data as CampaignRegistration;
        this.campaigns.set(campaign.campaignId, {
          campaign,
          places: new Map(),
          sources: new Map(),
          claimIds: new Set(),
          factions: new Map(campaign.factions.map((f) => [f.id, f])),
        });
        return;
      }
      case 'PlaceRegistered':
        this.campaigns.get(data.campaignId)?.places.set(data.placeId, { ...strip(data), revision: event.revision } as never);
        return;
      case 'PlaceCorrected': {
        const places = this.campaigns.get(data.campaignId)?.places;
        const place = places?.get(data.placeId);
        if (place) places!.set(data.placeId, { ...place, ...data.changes, revision: event.revision });
        return;
      }
      case 'SourceRegistered': {
        this.campaigns.get(data.campaignId)?.sources.set(data.sourceId, { ...strip(data), revision: event.revision } as never);
        this.notePublisher(data.publisher, data.publisherName, data.publisherKind);
        return;
      }
      case 'SourceCorrected': {
        const sources = this.campaigns.get(data.campaignId)?.sources;
        const source = sources?.get(data.sourceId);
        if (source) {
          const next = { ...source, ...data.changes, revision: event.revision };
          sources!.set(data.sourceId, next);
          this.notePublisher(next.publisher, next.publisherName, next.publisherKind);
        }
        return;
      }
      case 'PublisherRegistered':
        this.notePublisher(data.publisher, data.name, data.kind);
        return;
      case 'PublisherAssessed': {
        const entry = this.notePublisher(data.publisher);
        entry.reliability = data.reliability;
        entry.assessments.push({
          reliability: data.reliability,
          reason: data.reason,
          position: event.position,
          recordedAt: String(event.metadata.recordedAt ?? ''),
        });
        return;
      }
      case 'ControlClaimed':
      case 'CasualtiesReported':
      case 'TerritoryReported':
      case 'IncidentReported':
        this.campaigns.get(data.campaignId)?.claimIds.add(data.claimId);
        return;
      default:
        return;
    }
  }

  /** The view as plain data, to write in a snapshot. */
  toSnapshot(): unknown {
    return {
      campaigns: [...this.campaigns.values()].map((e) => ({
        campaign: e.campaign,
        places: [...e.places.values()],
        sources: [...e.sources.values()],
        claimIds: [...e.claimIds],
      })),
      publishers: [...this.publishers.values()],
    };
  }

  /** Replaces this view's content with a snapshot's. */
  restore(snapshot: any): void {
    const view = this;
    view.campaigns.clear();
    view.publishers.clear();
    for (const e of snapshot.campaigns) {
      view.campaigns.set(e.campaign.campaignId, {
        campaign: e.campaign,
        places: new Map(e.places.map((p: { placeId: string }) => [p.placeId, p])),
        sources: new Map(e.sources.map((s: { sourceId: string }) => [s.sourceId, s])),
        claimIds: new Set(e.claimIds),
        factions: new Map(e.campaign.factions.map((f: { id: string }) => [f.id, f])),
      });
    }
    for (const p of snapshot.publishers) view.publishers.set(p.publisher, p);
  }

  publisherOfSource(campaignId: string, sourceId: string): string | undefined {
    return this.campaigns.get(campaignId)?.sources.get(sourceId)?.publisher;
  }

  private notePublisher(publisher: string, name?: string, kind?: string): PublisherEntry {
    let entry = this.publishers.get(publisher);
    if (!entry) {
      entry = { publisher, assessments: [] };
      this.publishers.set(publisher, entry);
    }
    if (name) entry.name = name;
    if (kind) entry.kind = kind;
    return entry;
  }
}

function strip(data: Record<string, unknown>): Record<string, unknown> {
  const { campaignId: _c, ...rest } = data;
  return rest;
}

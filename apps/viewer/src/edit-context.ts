import { getJson } from './api';
import { campaignSources } from './claim-list';
import type { Vocabularies } from './claim-fields';
import type { EditorSession } from './editor-session';
import type { SourceCatalog } from './source-picker';
import type { Campaign, Place } from './types';

/** What an editor may do to a claim from its card. */
export type ClaimEdit = 'correct' | 'rank' | 'retract';

/** What an edit dialog needs of the page: the campaign's names and sources, the editor's key, and who to tell. */
export interface EditContext extends SourceCatalog {
  vocabularies: Vocabularies;
  /** Told once an edit is recorded, with what was done: the status line says it and the views refresh. */
  done(message: string): void;
}

/** The page as an edit sees it when it opens. */
export interface EditedPage {
  campaign: Campaign;
  places: readonly Place[];
  publisherNames: ReadonlyMap<string, string>;
  session: EditorSession;
}

/**
 * The context of one edit: the campaign's sources and the publishers are read afresh, as another
 * editor may have registered one.
 */
export async function editContext(page: EditedPage, done: (message: string) => void): Promise<EditContext> {
  const [sources, publishers] = await Promise.all([
    campaignSources(page.campaign.campaignId),
    getJson<{ publisher: string; name: string; kind?: string }[]>('/publishers'),
  ]);
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    campaignId: page.campaign.campaignId,
    sources,
    session: page.session,
    publisherName: (id) => page.publisherNames.get(id) ?? id,
    publishers: publishers.map((p) => ({ id: p.publisher, name: p.name, kind: p.kind })),
    vocabularies: {
      factions: page.campaign.factions.map((f) => ({ value: f.id, label: f.name })).sort(byName),
      places: page.places.map((p) => ({ value: p.placeId, label: p.name })).sort(byName),
    },
    done,
  };
}

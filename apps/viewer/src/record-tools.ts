import { getJson } from './api';
import { ConflictsInbox } from './conflicts-inbox';
import { byId } from './dom';
import type { EditorSession } from './editor-session';
import { MapPick } from './map-pick';
import { NewClaimForm } from './new-claim-form';
import { PlaceEditor } from './place-editor';
import { PlaceForm } from './place-form';
import { knownPublishers } from './publishers';
import { campaignUrl, type InboxContext, type ListedSource, type RecordContext } from './record-context';
import { SourceForm } from './source-form';
import type { Place } from './types';

/** What the page tells the editor's tools, and what it does when the record changes. */
export interface RecordHost {
  /** The campaign on screen, the day on screen and the place chosen; undefined before a campaign is open. */
  context(): Omit<InboxContext, 'session' | 'sources' | 'publishers'> | undefined;
  /** The gazetteer changed: the map draws its places again, and shows `placeId`. */
  placesChanged(places: Place[], placeId: string): void;
  /** A claim or a rank was recorded: the views are asked again. */
  recorded(): void;
  say(text: string, error?: boolean): void;
}

/**
 * The signed-in editor's toolbar: "Add" (a source, a place, a place's coordinates on the map, a
 * claim) and "Conflicts". Each form opens on what is on screen — the day, the place chosen — and
 * on the campaign's sources and publishers as the service lists them at that moment.
 */
export class RecordTools {
  private readonly menu = byId<HTMLDetailsElement>('add-menu');
  private readonly pick = new MapPick(byId('map') as unknown as SVGSVGElement);
  private readonly inbox = new ConflictsInbox(() => this.host.recorded());
  private readonly sourceForm = new SourceForm((id) => {
    this.lastSource = id;
    this.host.say(`Source ${id} registered.`);
  });
  private readonly placeForm = new PlaceForm(this.pick, (id) => void this.placesChanged(id, 'registered'));
  private readonly placeEditor = new PlaceEditor(this.pick, (id) => void this.placesChanged(id, 'moved'));
  /** The source this tab registered last: a claim recorded next most likely cites it. */
  private lastSource: string | undefined;
  private readonly claimForm = new NewClaimForm((id) => {
    this.host.say(`Claim ${id} recorded.`);
    this.host.recorded();
  });

  constructor(
    private readonly session: EditorSession,
    private readonly host: RecordHost,
  ) {
    const item = (id: string, open: (ctx: RecordContext) => void) =>
      byId(id).addEventListener('click', () => {
        this.menu.open = false;
        void this.context().then((ctx) => ctx && open(ctx));
      });
    item('add-source', (ctx) => this.sourceForm.open(ctx));
    item('add-place', (ctx) => this.placeForm.open(ctx));
    item('move-place', (ctx) => this.placeEditor.open(ctx));
    item('add-claim', (ctx) =>
      this.claimForm.open(ctx, ctx.sources.some((s) => s.sourceId === this.lastSource) ? [this.lastSource ?? ''] : []),
    );
    item('open-conflicts', (ctx) => this.inbox.open(ctx as InboxContext));
    // the menu folds away as a menu does: on a click elsewhere, or Escape
    document.addEventListener('click', (e) => {
      if (!this.menu.contains(e.target as Node)) this.menu.open = false;
    });
    this.menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.menu.open = false;
    });
    session.onChange((editor) => {
      if (!editor) this.inbox.close();
    });
  }

  /** The hour on screen moved: the conflicts of the day on screen follow it. */
  follow(): void {
    const shown = this.host.context();
    if (this.inbox.isOpen && shown) this.inbox.follow({ ...shown, session: this.session, sources: [], publishers: [] });
  }

  private async context(): Promise<InboxContext | undefined> {
    const shown = this.host.context();
    if (!shown) return undefined;
    try {
      const [sources, listed] = await Promise.all([
        getJson<ListedSource[]>(campaignUrl(shown, 'sources')),
        getJson<{ publisher: string; name: string; kind: string }[]>('/publishers'),
      ]);
      return { ...shown, session: this.session, sources, publishers: knownPublishers(listed, sources) };
    } catch (error) {
      this.host.say(`The campaign's sources could not be read: ${(error as Error).message}`, true);
      return undefined;
    }
  }

  private async placesChanged(placeId: string, what: string): Promise<void> {
    const shown = this.host.context();
    if (!shown) return;
    const places = await getJson<Place[]>(campaignUrl(shown, 'places'));
    this.host.placesChanged(places, placeId);
    this.host.say(`Place ${placeId} ${what}.`);
  }
}

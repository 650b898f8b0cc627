import type { DayDigest } from './day-digest';
import { externalLink, html } from './dom';
import type { Campaign } from './types';

/**
 * A day's digest on the page: the blocs with their places held, gained and lost; the captures,
 * each opening its place, with the reports behind them; the casualty figures.
 */
export function digestView(
  digest: DayDigest,
  ctx: { campaign: Campaign; publisherName: (id: string) => string; openPlace: (placeId: string) => void },
): HTMLElement[] {
  const blocName = new Map(ctx.campaign.blocs.map((b) => [b.id, b]));
  const faction = (id: string) => ctx.campaign.factions.find((f) => f.id === id)?.name ?? id;
  const blocs = html(
    'ul',
    { class: 'digest-blocs' },
    ...digest.blocs.map((b) => {
      const li = html(
        'li',
        { 'data-bloc': b.bloc },
        html('strong', {}, blocName.get(b.bloc)?.name ?? b.bloc),
        `: ${b.held} held`,
        b.gained ? html('span', { class: 'gained' }, `, ${b.gained} gained`) : '',
        b.lost ? html('span', { class: 'lost' }, `, ${b.lost} lost`) : '',
      );
      li.style.setProperty('--side', blocName.get(b.bloc)?.color ?? '#757575');
      return li;
    }),
  );
  const captures = digest.captures.length
    ? html(
        'ul',
        { class: 'captures' },
        ...digest.captures.map((c) => {
          const open = html(
            'button',
            { type: 'button', class: 'capture-open', 'data-place': c.place },
            html('strong', {}, c.name),
            ` taken by ${faction(c.to)} from ${faction(c.from)}`,
          );
          open.addEventListener('click', () => ctx.openPlace(c.place));
          // claims of one capture often cite the same report
          const sources = [...new Map(c.claims.flatMap((claim) => claim.sources).map((s) => [s.sourceId, s])).values()];
          return html(
            'li',
            { 'data-place': c.place },
            open,
            html(
              'ul',
              { class: 'sources' },
              ...sources.map((s) =>
                html(
                  'li',
                  {},
                  html('span', { class: 'publisher' }, s.publisher ? ctx.publisherName(s.publisher) : 'unattributed'),
                  ' — ',
                  externalLink(s.title ?? s.sourceId, s.url),
                ),
              ),
            ),
          );
        }),
      )
    : html('p', { class: 'empty' }, 'No place changed hands this day.');
  const side = (id: string) => (id === 'civilians' ? 'Civilians' : faction(id));
  const casualties = digest.casualties.length
    ? html(
        'ul',
        { class: 'digest-casualties' },
        ...digest.casualties.map((f) =>
          html(
            'li',
            {},
            `${side(f.side)}, ${f.category}: `,
            html('strong', {}, `${f.best}${f.openEnded ? '+' : ''}`),
            f.publisher ? ` (${ctx.publisherName(f.publisher)})` : '',
          ),
        ),
      )
    : html('p', { class: 'empty' }, 'No casualty figure for this day.');
  return [
    html('h3', {}, 'Places per bloc at the day’s end'),
    blocs,
    html('h3', {}, 'Captures of the day'),
    captures,
    html('h3', {}, 'Casualties of the day'),
    casualties,
  ];
}

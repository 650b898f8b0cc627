import { html } from './dom';
import { searchable } from './place-search';
import type { Place } from './types';

/**
 * The place an editor typed: its id, or a name or alias that only one place has. Undefined when
 * nothing matches or the name is ambiguous; what was typed is then sent as is, for the service
 * to name the problem.
 */
export function placeIdOf(places: readonly Place[], typed: string): string | undefined {
  const text = typed.trim();
  if (places.some((p) => p.placeId === text)) return text;
  const wanted = searchable(text);
  const named = places.filter((p) => [p.name, ...p.aliases].some((n) => searchable(n) === wanted));
  return named.length === 1 ? named[0]?.placeId : undefined;
}

/** A text input offering the campaign's places by name, which gives the place's id when one is chosen. */
export function placeInput(id: string): { input: HTMLInputElement; list: HTMLDataListElement; offer(places: Place[]): void } {
  const list = html('datalist', { id: `${id}-places` });
  const input = html('input', { type: 'text', list: list.id, autocomplete: 'off', spellcheck: 'false' });
  return {
    input,
    list,
    offer(places) {
      list.replaceChildren(
        ...[...places]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((p) => html('option', { value: p.placeId }, `${p.name} (${p.kind}, ${p.governorate})`)),
      );
    },
  };
}

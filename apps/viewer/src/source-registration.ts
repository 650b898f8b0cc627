import { slugFrom } from '@timeline/domain/ids';
import { localInstant } from './local-time';
import type { KnownPublisher } from './publishers';

/** What the editor wrote in the source form, as typed. */
export interface SourceFormValues {
  sourceId: string;
  title: string;
  /** A known publisher's id, or '' for a new one described in `newPublisher`. */
  publisher: string;
  newPublisher: { publisher: string; name: string; kind: string };
  url: string;
  /** The local date (YYYY-MM-DD) and, if known, time (HH:MM) of publication, in the campaign's zone. */
  date: string;
  time: string;
  language: string;
  note: string;
}

/** "sohr-2024-12-05-hama-falls": an id from the publisher, the date and the title's first words. */
export function suggestedSourceId(publisher: string, date: string, title: string): string {
  const words = slugFrom(title).split('-').filter(Boolean).slice(0, 5).join('-');
  return slugFrom([publisher, date, words].filter(Boolean).join('-')).slice(0, 100).replace(/-+$/, '');
}

/**
 * The body of `POST /campaigns/:c/sources`. A known publisher's name and kind come from what is
 * known of it, so the editor is not asked for them; a new one's are as written. Fields left empty
 * are left out, for the service's defaults; the rest go as typed, for the service to judge.
 */
export function sourceRegistration(values: SourceFormValues, known: readonly KnownPublisher[], timeZone: string) {
  const chosen = values.publisher ? known.find((p) => p.publisher === values.publisher) : undefined;
  const publisher = chosen
    ? { publisher: chosen.publisher, publisherName: chosen.name, publisherKind: chosen.kind }
    : {
        publisher: values.newPublisher.publisher.trim(),
        publisherName: values.newPublisher.name.trim(),
        publisherKind: values.newPublisher.kind,
      };
  const date = values.date.trim();
  const time = values.time.trim();
  return {
    sourceId: values.sourceId.trim(),
    ...publisher,
    title: values.title.trim(),
    ...optional('url', values.url.trim()),
    ...optional('publishedAt', date && time ? localInstant(date, time, timeZone) : date),
    ...optional('language', values.language.trim()),
    ...optional('note', values.note.trim()),
  };
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

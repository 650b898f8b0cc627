import type { PublishedAt, PublishedTime } from '@timeline/domain';
import type { SourceEntry } from './catalog.view';

/** A source as a reader needs it beside a claim: which report, by whom, where, and when it was published. */
export interface SourceRef {
  sourceId: string;
  publisher: string | null;
  title: string | null;
  url: string | null;
  /** As the source was registered: a date, an instant, or a written time. */
  publishedAt: PublishedAt | null;
  /** The publication as an interval in UTC (`from` null when only "published by" is known). */
  published: PublishedTime | null;
}

/** The reference to a source, from its catalog entry as some view knows it (none: only its id). */
export function sourceRef(sourceId: string, source: SourceEntry | undefined): SourceRef {
  return {
    sourceId,
    publisher: source?.publisher ?? null,
    title: source?.title ?? null,
    url: source?.url ?? null,
    publishedAt: source?.publishedAt ?? null,
    published: source?.published ?? null,
  };
}

import { DomainError, type FieldError, PUBLISHER_KINDS, type PublisherKind, unknownName } from '@timeline/domain';
import type { PublisherEntry } from '@timeline/views';

type PublisherFields = { publisher: string; publisherName?: string; publisherKind?: PublisherKind };

/**
 * A source's publisher name and kind as given, or taken from the publisher already known; a
 * publisher not yet known must be named and given a kind, or it is refused with the ids meant.
 */
export function withPublisher<T extends PublisherFields>(
  source: T,
  publishers: ReadonlyMap<string, PublisherEntry>,
): T & { publisherName: string; publisherKind: PublisherKind } {
  const known = publishers.get(source.publisher);
  const publisherName = source.publisherName ?? known?.name;
  const publisherKind = source.publisherKind ?? (known?.kind as PublisherKind | undefined);
  if (publisherName !== undefined && publisherKind !== undefined) return { ...source, publisherName, publisherKind };
  const errors: FieldError[] = [];
  if (!known) errors.push({ path: 'publisher', message: unknownName('publisher', source.publisher, publishers.keys()) });
  const unknownPublisher = `is required for a publisher not yet known (register it with POST /publishers, or name it here)`;
  if (publisherName === undefined) errors.push({ path: 'publisherName', message: unknownPublisher });
  if (publisherKind === undefined)
    errors.push({ path: 'publisherKind', message: `${unknownPublisher}: one of ${PUBLISHER_KINDS.join(', ')}` });
  throw DomainError.invalid(`publisher "${source.publisher}" is not known: give publisherName and publisherKind`, errors);
}

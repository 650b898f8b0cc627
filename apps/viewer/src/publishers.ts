/** A publisher as the viewer offers it to an editor: its id, display name and kind. */
export interface KnownPublisher {
  publisher: string;
  name: string;
  kind: string;
}

/** How `GET /publishers` and a campaign's sources describe a publisher; either may leave a part out. */
interface Described {
  publisher: string;
  name?: string | null;
  kind?: string | null;
  publisherName?: string | null;
  publisherKind?: string | null;
}

/**
 * The publishers an editor can pick: those the service lists, completed from the campaign's
 * sources (which carry each publisher's name and kind as registered), by name.
 */
export function knownPublishers(listed: readonly Described[], sources: readonly Described[]): KnownPublisher[] {
  const known = new Map<string, KnownPublisher>();
  for (const entry of [...listed, ...sources]) {
    const before = known.get(entry.publisher);
    const name = before?.name || entry.name || entry.publisherName || '';
    const kind = before?.kind || entry.kind || entry.publisherKind || '';
    known.set(entry.publisher, { publisher: entry.publisher, name, kind });
  }
  return [...known.values()].filter((p) => p.name && p.kind).sort((a, b) => a.name.localeCompare(b.name));
}

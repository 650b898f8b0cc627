/** The events an audit lists, by the names the service records them under. */
type AuditEvent =
  | 'ControlClaimed'
  | 'CasualtiesReported'
  | 'TerritoryReported'
  | 'IncidentReported'
  | 'ClaimCorrected'
  | 'ClaimRetracted'
  | 'ClaimRanked'
  | 'PublisherAssessed';

const EVENT_WORDS: Record<AuditEvent, string> = {
  ControlClaimed: 'claim recorded',
  CasualtiesReported: 'claim recorded',
  TerritoryReported: 'claim recorded',
  IncidentReported: 'claim recorded',
  ClaimCorrected: 'correction',
  ClaimRetracted: 'retraction',
  ClaimRanked: 'rank changed',
  PublisherAssessed: 'publisher graded',
};

/** The actor the service records the campaign files' loading under. */
const LOADER = 'events-loader';

/**
 * What an audit's event did, in a reader's words: "claim recorded", "correction", "rank changed
 * to preferred" (given the rank the claim's history names). An event the viewer does not know yet
 * keeps its recorded name.
 */
export function eventInWords(event: string, rank?: string): string {
  const words = Object.hasOwn(EVENT_WORDS, event) ? EVENT_WORDS[event as AuditEvent] : event;
  return event === 'ClaimRanked' && rank ? `${words} to ${rank}` : words;
}

/** Who recorded an event: an editor's key by its name, the campaign files' loading in words. */
export function actorInWords(actor: string | null): string | undefined {
  if (actor === null) return undefined;
  return actor === LOADER ? 'loaded from the campaign data' : `by ${actor}`;
}

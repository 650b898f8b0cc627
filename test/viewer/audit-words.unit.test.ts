import { describe, expect, it } from 'vitest';
import { actorInWords, eventInWords } from '../../apps/viewer/src/audit-events';
import { reportedWords } from '../../apps/viewer/src/audit-list';
import { reportedLater } from '../../apps/viewer/src/later-reports';

describe('an audit in words', () => {
  it('says what each event did rather than its recorded name', () => {
    expect(eventInWords('ControlClaimed')).toBe('claim recorded');
    expect(eventInWords('CasualtiesReported')).toBe('claim recorded');
    expect(eventInWords('ClaimCorrected')).toBe('correction');
    expect(eventInWords('ClaimRetracted')).toBe('retraction');
    expect(eventInWords('PublisherAssessed')).toBe('publisher graded');
  });

  it('given a rank from the claim’s history, then a ranking names it; without one it is still a rank change', () => {
    expect(eventInWords('ClaimRanked', 'preferred')).toBe('rank changed to preferred');
    expect(eventInWords('ClaimRanked')).toBe('rank changed');
  });

  it('given an event the viewer does not know yet, then it keeps its recorded name', () => {
    expect(eventInWords('ClaimMerged')).toBe('ClaimMerged');
    expect(eventInWords('toString')).toBe('toString');
  });

  it('says the campaign files’ loading in words, and an editor by name', () => {
    expect(actorInWords('events-loader')).toBe('loaded from the campaign data');
    expect(actorInWords('editor')).toBe('by editor');
    expect(actorInWords(null)).toBeUndefined();
  });
});

describe('reports that came out later', () => {
  // 18:00 local on 5 December; Hama's reports were public by midnight
  const BY = '2024-12-05T15:00:00.000Z';
  const MIDNIGHT = '2024-12-05T21:00:00.000Z';

  it('given Hama’s three dated reports public by midnight and one undated, when asked as reported by 18:00, then three came out later, the first by midnight', () => {
    const changes = [{ reportedAt: MIDNIGHT }, { reportedAt: null }, { reportedAt: MIDNIGHT }, { reportedAt: MIDNIGHT }];
    expect(reportedLater(changes, BY)).toEqual({ count: 3, first: MIDNIGHT });
  });

  it('given reports public by then or undated, then none came out later', () => {
    expect(
      reportedLater([{ reportedAt: BY }, { reportedAt: '2024-12-01T21:00:00.000Z' }, { reportedAt: null }], BY),
    ).toBeUndefined();
    expect(reportedLater([], BY)).toBeUndefined();
  });

  it('names the earliest of the later reports, whatever the order of the audit', () => {
    const later = reportedLater([{ reportedAt: '2024-12-07T21:00:00.000Z' }, { reportedAt: MIDNIGHT }], BY);
    expect(later).toEqual({ count: 2, first: MIDNIGHT });
  });
});

describe('when an audit entry was public', () => {
  const clock = { instant: (iso: string) => `at ${iso}` };
  const entry = (event: string, sources: number, reportedAt: string | null) => ({
    position: 1,
    recordedAt: '2024-12-10T09:00:00.000Z',
    reportedAt,
    event,
    claimId: 'c1',
    sources: Array.from({ length: sources }, (_, i) => ({
      sourceId: `s${i}`,
      publisher: 'sohr',
      publishedAt: null,
      published: null,
    })),
    actor: 'editor',
    reason: 'why',
    before: null,
    after: null,
  });

  it('given a rank or a retraction citing nothing, then it is the editors’ own act, not an undated report', () => {
    expect(reportedWords(entry('ClaimRanked', 0, null), clock)).toBe("the editors' own act: it holds in views as reported too");
    expect(reportedWords(entry('ClaimRetracted', 0, null), clock)).toBe(
      "the editors' own act: it holds in views as reported too",
    );
  });

  it('given a correction with no dated source, then it is not in a view as reported; with one, it says when', () => {
    expect(reportedWords(entry('ClaimCorrected', 1, null), clock)).toBe('no dated source: not in a view as reported');
    expect(reportedWords(entry('ClaimCorrected', 1, '2024-12-09T21:00:00.000Z'), clock)).toBe(
      'public by at 2024-12-09T21:00:00.000Z',
    );
  });
});

import type { AuditQueries } from '@timeline/application';
import { localTime } from './local-time';

type AuditEntry = Awaited<ReturnType<AuditQueries['control']>>['changes'][number];

/**
 * An audit's entries as the terminal shows them: one line per event, then the figure before and
 * after it. When a report was published is told on the campaign's clocks, as a replay tells its
 * hours; when the event was recorded stays the record's own UTC instant.
 */
export function auditLines(changes: readonly AuditEntry[], timeZone: string, indent = ''): string[] {
  return changes.flatMap((e) => {
    const sources = e.sources.map((s) => `${s.sourceId} (${s.publisher ?? '-'})`).join(', ') || '-';
    const reported = e.reportedAt ? ` reported ${localTime(e.reportedAt, timeZone, { year: true })}` : '';
    return [
      `${indent}#${e.position} ${e.recordedAt ?? '-'}${reported} ${e.event} ${e.claimId ?? ''} by ${e.actor ?? '-'} [${sources}]`,
      ...(e.reason ? [`${indent}  reason: ${e.reason}`] : []),
      `${indent}  before: ${JSON.stringify(e.before)}`,
      `${indent}  after:  ${JSON.stringify(e.after)}`,
      ...(e.alsoReported ?? []).map((o) => `${indent}  reported with it: #${o.position} ${o.event} ${o.claimId ?? ''}`),
    ];
  });
}

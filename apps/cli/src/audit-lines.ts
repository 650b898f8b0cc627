import type { AuditQueries } from '@timeline/application';

type AuditEntry = Awaited<ReturnType<AuditQueries['control']>>['changes'][number];

/** An audit's entries as the terminal shows them: one line per event, then the figure before and after it. */
export function auditLines(changes: readonly AuditEntry[], indent = ''): string[] {
  return changes.flatMap((e) => {
    const sources = e.sources.map((s) => `${s.sourceId} (${s.publisher ?? '-'})`).join(', ') || '-';
    const reported = e.reportedAt ? ` reported ${e.reportedAt}` : '';
    return [
      `${indent}#${e.position} ${e.recordedAt ?? '-'}${reported} ${e.event} ${e.claimId ?? ''} by ${e.actor ?? '-'} [${sources}]`,
      ...(e.reason ? [`${indent}  reason: ${e.reason}`] : []),
      `${indent}  before: ${JSON.stringify(e.before)}`,
      `${indent}  after:  ${JSON.stringify(e.after)}`,
      ...(e.alsoReported ?? []).map((o) => `${indent}  reported with it: #${o.position} ${o.event} ${o.claimId ?? ''}`),
    ];
  });
}

import type { Grade } from '@timeline/domain';
import { latestBefore, type KnownAt } from './known-at';
import { pushTo } from './multimaps';

const GRADE_VALUE: Record<Grade, number> = { A: 6, B: 5, C: 4, D: 3, E: 2, F: 1 };
export function gradeValue(grade: Grade | undefined): number {
  return grade ? GRADE_VALUE[grade] : 0;
}

export interface Assessment {
  position: number;
  grade: Grade;
  actor: string;
  reason: string;
}

/** Publishers' grades over transaction time: an editor may regrade at any moment. */
export class PublisherGrades {
  private readonly history = new Map<string, Assessment[]>();
  /** The position of the latest assessment: a grade known now holds until it moves. */
  changedAt = 0;

  assess(publisher: string, grade: Grade, position: number, actor: string, reason: string): void {
    pushTo(this.history, publisher, { position, grade, actor, reason });
    this.changedAt = Math.max(this.changedAt, position);
  }

  at(publisher: string, knownAt: KnownAt): Grade | undefined {
    return latestBefore(this.history.get(publisher), knownAt)?.grade;
  }

  assessmentsOf(publisher: string): readonly Assessment[] {
    return this.history.get(publisher) ?? [];
  }

  toSnapshot(): [string, Assessment[]][] {
    return [...this.history];
  }

  restore(history: [string, Assessment[]][]): void {
    for (const [publisher, assessments] of history) {
      this.history.set(publisher, assessments);
      for (const { position } of assessments) this.changedAt = Math.max(this.changedAt, position);
    }
  }
}

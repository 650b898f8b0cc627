import { describe, expect, it } from 'vitest';
import { NOW } from './known-at';
import { NowAnswers } from './now-answers';

describe('NowAnswers: whole answers kept within a budget of bytes and of answers per campaign', () => {
  const keep = (answers: NowAnswers, key: string, bytes: number) => {
    let computed = false;
    answers.memo(
      'c',
      key,
      NOW,
      () => {
        computed = true;
        return { key, bytes };
      },
      (answer) => answer.bytes,
    );
    return computed;
  };

  it('given answers past the byte budget, when one more is kept, then the oldest are let go until it fits', () => {
    const answers = new NowAnswers(100);
    keep(answers, 'a', 40);
    keep(answers, 'b', 40);
    keep(answers, 'c', 40);

    expect(answers.kept('c')).toEqual({ answers: 2, bytes: 80 });
    expect(keep(answers, 'c', 40)).toBe(false);
    expect(keep(answers, 'a', 40)).toBe(true);
    expect(answers.kept('c')).toEqual({ answers: 2, bytes: 80 });
  });

  it('given light answers past the count budget, when one more is kept, then the oldest is let go', () => {
    const answers = new NowAnswers(1_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) keep(answers, key, 1);

    expect(answers.kept('c')).toEqual({ answers: 3, bytes: 3 });
    expect(keep(answers, 'a', 1)).toBe(true);
    expect(keep(answers, 'd', 1)).toBe(false);
  });

  it('given kept answers, when the campaign changes, then none is kept and their weight is forgotten', () => {
    const answers = new NowAnswers(100);
    keep(answers, 'a', 40);
    answers.dropAnswers('c');

    expect(answers.kept('c')).toEqual({ answers: 0, bytes: 0 });
    expect(keep(answers, 'a', 40)).toBe(true);
  });
});

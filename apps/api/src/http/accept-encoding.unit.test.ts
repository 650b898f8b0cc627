import { describe, expect, it } from 'vitest';
import { negotiateCoding } from './accept-encoding';

describe('negotiateCoding: the coding of an answer, by Accept-Encoding', () => {
  it.each([
    ['no header', undefined, 'identity'],
    ['an empty header', '', 'identity'],
    ['gzip alone', 'gzip', 'gzip'],
    ['br alone', 'br', 'br'],
    ['br and gzip at equal q, gzip first', 'gzip, deflate, br', 'br'],
    ['a browser’s header', 'gzip, deflate, br, zstd', 'br'],
    ['gzip weighted above br', 'br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br refused', 'gzip, br;q=0', 'gzip'],
    ['both refused', 'br;q=0, gzip;q=0', 'identity'],
    ['identity weighted above the codings', 'gzip;q=0.3, identity', 'identity'],
    ['only codings we do not make', 'deflate, zstd', 'identity'],
    ['* for every coding', '*', 'br'],
    ['* but br refused', '*, br;q=0', 'gzip'],
    ['identity refused and gzip acceptable', 'identity;q=0, gzip;q=0.1', 'gzip'],
    ['x-gzip, the old name of gzip', 'x-gzip', 'gzip'],
    ['upper case and spaces', ' GZIP ; Q=1 , BR ; q=0.9 ', 'gzip'],
    ['q with three decimals', 'gzip;q=0.001', 'gzip'],
    ['a malformed q, taken as refusal', 'br;q=high, gzip', 'gzip'],
    ['a q above 1, taken as refusal', 'br;q=2, gzip;q=0.5', 'gzip'],
  ])('given %s, then %s', (_case, header, expected) => {
    expect(negotiateCoding(header)).toBe(expected);
  });

  it('given identity and every other coding refused, when nothing is acceptable, then the plain bytes are sent anyway', () => {
    expect(negotiateCoding('identity;q=0, *;q=0')).toBe('identity');
    expect(negotiateCoding('*;q=0')).toBe('identity');
  });
});

import { CONTENT_CODINGS, type ContentCoding } from '@timeline/application';

export type Coding = ContentCoding | 'identity';

/** The codings we could send, in the order a tie between equal q-values is broken. */
const PREFERENCE: readonly Coding[] = [...CONTENT_CODINGS, 'identity'];

/** Below any q a client can write (three decimals at most), above a refusal. */
const UNNAMED_IDENTITY = 0.0001;

/** `gzip;q=0.5` → ['gzip', 0.5]; a malformed q counts as 0, as a coding the client did not mean to accept. */
function parseCoding(part: string): [string, number] {
  const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
  const q = params.find((p) => p.startsWith('q='));
  const weight = q === undefined ? 1 : Number(q.slice(2));
  return [name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) && weight >= 0 && weight <= 1 ? weight : 0];
}

/**
 * The coding to answer in, by `Accept-Encoding` (RFC 9110 §12.5.3): the highest q wins, br before
 * gzip before identity at equal q; `*` stands for every coding not named; `q=0` refuses one;
 * identity, acceptable unless refused, is sent when no coding the client names is.
 * No header means the client did not ask, so it gets the plain bytes. When even identity is
 * refused and nothing else is acceptable, the plain bytes are still sent: a body the client may
 * not decode beats a 406 for a JSON answer any client can read.
 */
export function negotiateCoding(header: string | undefined): Coding {
  if (header === undefined) return 'identity';
  const weights = new Map(
    header
      .split(',')
      .filter((part) => part.trim())
      .map(parseCoding),
  );
  const star = weights.get('*');
  // identity not named is acceptable unless `*;q=0` refuses it, but only when nothing the client named is
  const weightOf = (coding: Coding) => weights.get(coding) ?? (coding === 'identity' ? (star ?? UNNAMED_IDENTITY) : (star ?? 0));
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

import { io } from 'socket.io-client';
import type { ReplayMessage, ReplayStartAck } from '@timeline/contracts';
import { localSpan, localTime } from './local-time';

export interface ReplayOptions {
  url: string;
  campaignId: string;
  /** The campaign's time zone: every time is printed on its clocks. */
  timeZone: string;
  from?: string;
  to?: string;
  speed: number;
  operation?: string;
  knownAt?: string;
  /** As the sources reported it at the time, rather than as known now. */
  asReported?: boolean;
}

/**
 * Watches a replay from a running service and prints each campaign hour's changes as it arrives,
 * in the campaign's local time: the claims taking effect with their sources, then who holds what.
 * A refusal goes to `err`; answers 0 at the end of the record, 1 when the service cannot be
 * reached and 2 when it refuses the replay asked for.
 */
export function watchReplay(
  options: ReplayOptions,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const socket = io(`${options.url.replace(/\/$/, '')}/replay`, { transports: ['websocket'], reconnection: true });
  const print = (line: string) => out.write(`${line}\n`);
  const complain = (line: string) => err.write(`${line}\n`);
  const local = (instant: string, year = false) => localTime(instant, options.timeZone, { year });
  return new Promise((resolve) => {
    const finish = (code: number) => {
      socket.close();
      resolve(code);
    };
    socket.on('connect_error', (error) => {
      complain(`cannot reach the replays of ${options.url}: ${error.message}`);
      finish(1);
    });
    socket.on('replay:snapshot', (s: ReplayMessage<'replay:snapshot'>) => {
      print(`== ${local(s.at)}: ${s.control.length} places known`);
      for (const p of s.control) print(`   ${p.place}: ${p.status}${p.controller ? ` (${p.controller})` : ''}`);
    });
    socket.on('replay:frame', (f: ReplayMessage<'replay:frame'>) => {
      if (!f.claims.length && !f.control.length) return;
      print(`-- ${localSpan(f.at, f.until, options.timeZone)}`);
      for (const c of f.claims) {
        const news = c.newsOfThePast ? ` — news of ${local(c.time.to)}` : '';
        print(`   + ${c.summary} [${c.time.precision}] (${c.sources.map((s) => s.publisher ?? s.sourceId).join(', ')})${news}`);
      }
      for (const p of f.control)
        print(`   = ${p.place}: ${p.status}${p.controller ? ` (${p.controller})` : ''}${p.disputed ? ', disputed' : ''}`);
    });
    socket.on('replay:correction', (c: ReplayMessage<'replay:correction'>) =>
      print(
        `!! ${c.change.kind} ${c.claimId} in ${local(c.at)}: ${c.change.claim.summary}${c.change.reason ? ` (${c.change.reason})` : ''}`,
      ),
    );
    socket.on('replay:end', () => {
      print('== end of the record');
      finish(0);
    });
    socket.on('connect', async () => {
      const answer: unknown = await socket
        .timeout(10_000)
        .emitWithAck('replay:start', {
          campaignId: options.campaignId,
          speed: options.speed,
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.operation ? { operation: options.operation } : {}),
          ...(options.knownAt ? { knownAt: /^\d+$/.test(options.knownAt) ? Number(options.knownAt) : options.knownAt } : {}),
          ...(options.asReported ? { asReported: true } : {}),
        })
        .catch((error: Error): ReplayStartAck => ({ ok: false, error: { status: 0, title: error.message } }));
      const ack = answer as ReplayStartAck;
      if (!ack.ok) {
        complain(
          `replay refused: ${ack.error.title}${ack.error.errors ? ` — ${ack.error.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : ''}`,
        );
        finish(2);
        return;
      }
      print(
        `replaying ${options.campaignId} ${ack.asReported ? 'as reported at the time' : 'as known now'} from ${local(ack.from, true)} to ${local(ack.to, true)}: ${ack.frames} hours at ${options.speed} h/s (pinned at log position ${ack.pinnedPosition})`,
      );
    });
  });
}

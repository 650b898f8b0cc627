import { io } from 'socket.io-client';
import type { ReplayMessage, ReplayStartAck } from '@timeline/contracts';

export interface ReplayOptions {
  url: string;
  campaignId: string;
  from?: string;
  to?: string;
  speed: number;
  operation?: string;
  knownAt?: string;
  /** As the sources reported it at the time, rather than as known now. */
  asReported?: boolean;
}

/**
 * Watches a replay from a running service and prints each campaign hour's changes as it arrives:
 * the claims taking effect with their sources, then who holds what.
 */
export function watchReplay(options: ReplayOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const socket = io(`${options.url.replace(/\/$/, '')}/replay`, { transports: ['websocket'], reconnection: true });
  const print = (line: string) => out.write(`${line}\n`);
  return new Promise((resolve) => {
    const finish = (code: number) => {
      socket.close();
      resolve(code);
    };
    socket.on('connect_error', (error) => {
      print(`cannot reach ${options.url}: ${error.message}`);
      finish(1);
    });
    socket.on('replay:snapshot', (s: ReplayMessage<'replay:snapshot'>) => {
      print(`== ${s.at}: ${s.control.length} places known`);
      for (const p of s.control) print(`   ${p.place}: ${p.status}${p.controller ? ` (${p.controller})` : ''}`);
    });
    socket.on('replay:frame', (f: ReplayMessage<'replay:frame'>) => {
      if (!f.claims.length && !f.control.length) return;
      print(`-- ${f.at} → ${f.until}`);
      for (const c of f.claims) {
        const news = c.newsOfThePast ? ` — news of ${c.time.to}` : '';
        print(`   + ${c.summary} [${c.time.precision}] (${c.sources.map((s) => s.publisher ?? s.sourceId).join(', ')})${news}`);
      }
      for (const p of f.control)
        print(`   = ${p.place}: ${p.status}${p.controller ? ` (${p.controller})` : ''}${p.disputed ? ', disputed' : ''}`);
    });
    socket.on('replay:correction', (c: ReplayMessage<'replay:correction'>) =>
      print(
        `!! ${c.change.kind} ${c.claimId} in ${c.at}: ${c.change.claim.summary}${c.change.reason ? ` (${c.change.reason})` : ''}`,
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
        print(
          `replay refused: ${ack.error.title}${ack.error.errors ? ` — ${ack.error.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : ''}`,
        );
        finish(2);
        return;
      }
      print(
        `replaying ${options.campaignId} ${ack.asReported ? 'as reported at the time' : 'as known now'} from ${ack.from} to ${ack.to}: ${ack.frames} hours at ${options.speed} h/s (pinned at log position ${ack.pinnedPosition})`,
      );
    });
  });
}

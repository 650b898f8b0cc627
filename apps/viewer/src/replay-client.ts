import { io, type Socket } from 'socket.io-client';
import type { Correction, Frame, Live, Snapshot } from './types';

export interface ReplayRequest {
  campaignId: string;
  speed: number;
  /** The first and last local day (YYYY-MM-DD) or instants of the session; the campaign's window when not given. */
  from?: string;
  to?: string;
  operation?: string;
  knownAt?: string | number;
  paused?: boolean;
  /** Each hour from the claim versions reported by its end, rather than all that is known now. */
  asReported?: boolean;
}

export interface StartedReplay {
  sessionId: string;
  from: string;
  to: string;
  frames: number;
  pinnedPosition: number;
  /** Echoed by the service: the session shows each hour as reported at the time. */
  asReported: boolean;
}

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface ReplayHandlers {
  snapshot(message: Snapshot): void;
  frame(message: Frame): void;
  correction(message: Correction): void;
  live(message: Live): void;
  end(): void;
  connection(state: ConnectionState): void;
}

interface Ack {
  ok: boolean;
  error?: { status: number; title: string; detail?: string; errors?: { path: string; message: string }[] };
  [key: string]: unknown;
}

export class ReplayError extends Error {
  constructor(readonly ack: NonNullable<Ack['error']>) {
    super(ack.errors?.length ? ack.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : (ack.detail ?? ack.title));
  }
}

/**
 * One replay over the public socket protocol (`/replay`), as any client would run it: messages
 * are taken in `seq` order, and after a dropped connection or a gap the session is resumed from
 * the last `seq` seen.
 */
export class ReplayClient {
  private readonly socket: Socket;
  private session: StartedReplay | undefined;
  private request: ReplayRequest | undefined;
  private seq = 0;
  /** The start of the next hour the service would send: where a resumed replay continues. */
  private next: string | undefined;
  private paused = false;
  /** The start under way, so the next waits for it and then stops its session. */
  private starting: Promise<unknown> = Promise.resolve();

  constructor(private readonly handlers: ReplayHandlers) {
    this.socket = io('/replay', { transports: ['websocket'] });
    this.socket.on('connect', () => {
      handlers.connection('connected');
      if (this.session) void this.rejoin();
    });
    this.socket.on('disconnect', () => handlers.connection('reconnecting'));
    this.socket.on('connect_error', () => handlers.connection('offline'));
    this.socket.on('replay:snapshot', (m: Snapshot) =>
      this.take(
        m,
        () => {
          this.next = m.at;
          handlers.snapshot(m);
        },
        true,
      ),
    );
    this.socket.on('replay:frame', (m: Frame) =>
      this.take(m, () => {
        this.next = m.until;
        handlers.frame(m);
      }),
    );
    this.socket.on('replay:correction', (m: Correction) => this.take(m, () => handlers.correction(m)));
    this.socket.on('replay:live', (m: Live) => this.take(m, () => handlers.live(m)));
    this.socket.on('replay:end', (m: { sessionId: string; seq: number }) => this.take(m, () => handlers.end()));
  }

  get current(): StartedReplay | undefined {
    return this.session;
  }

  /** Starts a session in place of the one running; starts asked for at once run one after the other. */
  start(request: ReplayRequest): Promise<StartedReplay> {
    const started = this.starting.then(() => this.startNow(request));
    this.starting = started.catch(() => undefined);
    return started;
  }

  private async startNow(request: ReplayRequest): Promise<StartedReplay> {
    if (this.session) await this.command('replay:stop', { sessionId: this.session.sessionId }).catch(() => undefined);
    this.session = undefined;
    this.seq = 0;
    this.next = undefined;
    this.paused = request.paused ?? false;
    const started = (await this.command('replay:start', request)) as unknown as StartedReplay;
    this.request = request;
    this.session = started;
    return started;
  }

  pause = () => {
    this.paused = true;
    return this.control('replay:pause');
  };
  play = () => {
    this.paused = false;
    return this.control('replay:resume');
  };
  seek = (at: string) => this.control('replay:seek', { at });
  speed = (speed: number) => this.control('replay:speed', { speed });
  step = (hours: number) => this.control('replay:step', { hours });

  close(): void {
    this.socket.close();
  }

  private async control(event: string, body: Record<string, unknown> = {}): Promise<Ack | undefined> {
    if (!this.session) return undefined;
    return this.command(event, { sessionId: this.session.sessionId, ...body });
  }

  private command(event: string, body: unknown): Promise<Ack> {
    return new Promise((resolve, reject) => {
      this.socket.timeout(10_000).emit(event, body, (timeout: Error | null, ack: Ack) => {
        if (timeout) reject(new Error(`${event}: no answer from the service`));
        else if (!ack.ok)
          reject(
            new ReplayError(ack.error ?? { status: 500, title: 'refused', detail: `${event} was refused without a reason` }),
          );
        else resolve(ack);
      });
    });
  }

  /** Hands a message on if it is the next of the session; a gap means messages were lost: resume. */
  private take(message: { sessionId: string; seq: number }, handle: () => void, resets = false): void {
    if (!this.session || message.sessionId !== this.session.sessionId) return;
    if (message.seq <= this.seq) return;
    if (message.seq > this.seq + 1 && !resets) {
      void this.rejoin();
      return;
    }
    this.seq = message.seq;
    handle();
  }

  /**
   * Continues the session after a drop or a gap, from the last `seq` taken — and, should the
   * service have restarted or the session live elsewhere, from the hour reached, playing or paused
   * as it was.
   */
  private async rejoin(): Promise<void> {
    if (!this.session || !this.request) return;
    try {
      const resume = { sessionId: this.session.sessionId, seq: this.seq, ...(this.next ? { at: this.next } : {}) };
      await this.command('replay:start', { ...this.request, paused: this.paused, resume });
    } catch {
      this.handlers.connection('offline');
    }
  }
}

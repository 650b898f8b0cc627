import { io, type Socket } from 'socket.io-client';
import { CLIENT_ACKS, SERVER_EVENTS } from '@timeline/contracts';

/** A parsed JSON value, as supertest's `body` is: a test reads it as it asserts its shape. */
export type Json = ReturnType<typeof JSON.parse>;

export interface Received {
  event: string;
  payload: Json;
}

/**
 * A real socket.io client that records every message and checks each against the schema the
 * AsyncAPI document is generated from: a message the document does not describe fails the test.
 */
export class TestClient {
  readonly socket: Socket;
  readonly received: Received[] = [];
  readonly invalid: string[] = [];
  private readonly acks: Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }>;

  constructor(url: string, namespace: '/replay' | '/live', options: Record<string, unknown> = {}) {
    this.acks = CLIENT_ACKS[namespace];
    this.socket = io(url + namespace, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
    const schemas = SERVER_EVENTS[namespace] as Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }>;
    this.socket.onAny((event: string, payload: unknown) => {
      const schema = schemas[event];
      if (!schema) this.invalid.push(`${event}: not in the AsyncAPI document`);
      else if (!schema.safeParse(payload).success)
        this.invalid.push(`${event}: ${JSON.stringify(schema.safeParse(payload).error).slice(0, 300)}`);
      this.received.push({ event, payload });
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  /** Sends a client message; an acknowledgement the document does not describe is recorded as invalid. */
  async ack(event: string, payload: unknown): Promise<Json> {
    const ack = await this.socket.timeout(5000).emitWithAck(event, payload);
    const checked = this.acks[event]?.safeParse(ack);
    if (!checked) this.invalid.push(`${event}: no acknowledgement in the AsyncAPI document`);
    else if (!checked.success) this.invalid.push(`${event} (acknowledgement): ${JSON.stringify(checked.error).slice(0, 300)}`);
    return ack;
  }

  of(event: string): Json[] {
    return this.received.filter((m) => m.event === event).map((m) => m.payload);
  }

  async until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out; received ${this.received
            .map((m) => `${m.event}#${m.payload?.seq}`)
            .slice(-10)
            .join(' ')}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

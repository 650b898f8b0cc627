import pg from 'pg';
import { LOG_CHANNEL } from './append-transaction';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

/**
 * One connection LISTENing on the log's channel: `onAppend` runs when any process commits an
 * append. When the connection is lost (the server restarts, a backend is terminated) it
 * reconnects, retrying with a growing pause, and calls `onAppend` once it listens again, so
 * subscribers read whatever was committed while nobody listened.
 */
export class LogListener {
  private client: pg.Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onAppend: () => void,
    private readonly onError: (error: unknown) => void,
  ) {
    void this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ ...this.config, statement_timeout: false });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.onError(new Error(`the PostgreSQL store stopped listening for appends: ${error?.message ?? 'connection ended'}`));
      this.retry = setTimeout(() => void this.listen(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.onAppend());
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.onAppend();
  }
}

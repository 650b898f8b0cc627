import { byId } from './dom';
import type { ConnectionState } from './replay-client';

const CONNECTION: Record<ConnectionState, string> = {
  connected: '',
  reconnecting: 'Connection lost: reconnecting…',
  offline: 'Offline: the service cannot be reached.',
};

/** The header's status line: what went wrong, and whether the service can be reached. */
export class StatusBar {
  private readonly line = byId('status');

  show(text: string, error = false): void {
    this.line.textContent = text;
    this.line.classList.toggle('error', error);
  }

  /** Clears the line when the socket is back; says so while it is not. */
  connection(state: ConnectionState): void {
    this.show(CONNECTION[state], state !== 'connected');
  }
}

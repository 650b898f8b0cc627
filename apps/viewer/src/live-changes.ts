import { io } from 'socket.io-client';
import type { ClaimChange, Recorded } from './types';

/** Events that change the gazetteer: a place registered, or corrected (moved, renamed…). */
const PLACE_EVENTS = new Set(['PlaceRegistered', 'PlaceCorrected']);

/**
 * The live feed of one campaign (`/live`): every change to its claims and places as it is
 * recorded, whether or not a replay is playing. It subscribes again after a reconnect.
 */
export class LiveChanges {
  private readonly socket = io('/live', { transports: ['websocket'] });
  private campaignId: string | undefined;

  constructor(onChange: (change: ClaimChange) => void, onPlaces: () => void) {
    this.socket.on('connect', () => this.subscribe());
    this.socket.on('claim:recorded', (m: Recorded) => {
      if (m.campaignId !== this.campaignId) return;
      if (m.change) onChange(m.change);
      else if (PLACE_EVENTS.has(m.event.type)) onPlaces();
    });
  }

  follow(campaignId: string): void {
    if (campaignId === this.campaignId) return;
    if (this.campaignId) this.socket.emit('unsubscribe', { campaignId: this.campaignId });
    this.campaignId = campaignId;
    this.subscribe();
  }

  private subscribe(): void {
    if (this.campaignId && this.socket.connected) this.socket.emit('subscribe', { campaignId: this.campaignId });
  }
}

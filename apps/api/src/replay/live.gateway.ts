import { Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { LiveFeed } from '@timeline/application';
import { LiveSubscribe } from '@timeline/contracts';
import { LIVE_FEED } from './replay.tokens';
import { SERVER_CLOSING } from './server-closing';
import { acknowledge } from './socket-acks';

/**
 * `/live`: every event recorded in a campaign, as it is recorded. Each instance follows the
 * shared log itself and sends to its own clients only, so a client gets each event once whichever
 * instance recorded it.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnModuleInit, OnModuleDestroy {
  @WebSocketServer() private readonly nsp: Namespace | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(@Inject(LIVE_FEED) private readonly feed: LiveFeed) {}

  onModuleInit(): void {
    this.unsubscribe = this.feed.onRecorded(
      (message) => this.nsp?.local.to(liveRoom(message.campaignId)).emit('claim:recorded', message),
      // only this instance's clients are sent to, so only its own rooms count
      (campaignId) => (this.nsp?.adapter.rooms.get(liveRoom(campaignId))?.size ?? 0) > 0,
    );
  }

  /** A stop: this instance's subscribers are told before their connections close. */
  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.nsp?.local.emit('server:closing', SERVER_CLOSING);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(LiveSubscribe, body, ({ campaignId }) =>
      this.feed.subscribe(campaignId, () => Promise.resolve(socket.join(liveRoom(campaignId)))),
    );
  }

  @SubscribeMessage('unsubscribe')
  unsubscribeFrom(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(LiveSubscribe, body, async ({ campaignId }) => {
      await socket.leave(liveRoom(campaignId));
      return { campaignId };
    });
  }
}

/** The room of a campaign's live feed on this instance. */
function liveRoom(campaignId: string): string {
  return `live:${campaignId}`;
}

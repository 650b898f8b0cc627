import { Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Timeline } from '@timeline/application';
import { DomainError } from '@timeline/domain';
import { TIMELINE } from '../timeline.token';
import { LiveSubscribe } from '@timeline/contracts';
import { acknowledge } from './socket-acks';

/**
 * `/live`: every event recorded in a campaign, as it is recorded. Each instance follows the
 * shared log itself and sends to its own clients only, so a client gets each event once whichever
 * instance recorded it.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnModuleInit, OnModuleDestroy {
  @WebSocketServer() private readonly nsp!: Namespace;
  private unsubscribe: (() => void) | undefined;

  constructor(@Inject(TIMELINE) private readonly timeline: Timeline) {}

  onModuleInit(): void {
    this.unsubscribe = this.timeline.models.follower.onApplied((events) => {
      for (const event of events) {
        const campaignId = event.metadata.campaignId;
        if (typeof campaignId !== 'string') continue;
        this.nsp?.local.to(`live:${campaignId}`).emit('claim:recorded', {
          campaignId,
          position: event.position,
          event: { type: event.type, stream: event.stream, revision: event.revision, data: event.data, metadata: event.metadata },
        });
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(LiveSubscribe, body, async ({ campaignId }) => {
      await this.timeline.models.follower.catchUp();
      if (!this.timeline.models.catalog.campaigns.has(campaignId))
        throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
      await socket.join(`live:${campaignId}`);
      return { campaignId, position: this.timeline.models.follower.checkpoint };
    });
  }

  @SubscribeMessage('unsubscribe')
  unsubscribeFrom(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(LiveSubscribe, body, async ({ campaignId }) => {
      await socket.leave(`live:${campaignId}`);
      return { campaignId };
    });
  }
}

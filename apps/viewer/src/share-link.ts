import { byId } from './dom';
import { linkTo, type LinkState } from './link';
import type { StatusBar } from './status-bar';

/** How long the address waits for the replay to settle, so playing does not rewrite it every frame. */
const SETTLE_MS = 250;

/** "Share this hour": the page's address and the link to copy follow the campaign, hour and place on screen. */
export class ShareLink {
  private readonly input = byId<HTMLInputElement>('share');
  private timer: number | undefined;

  constructor(
    private readonly state: () => LinkState,
    status: StatusBar,
  ) {
    byId('copy-link').addEventListener('click', () => {
      this.input.select();
      void navigator.clipboard?.writeText(this.input.value).then(
        () => status.show('Link copied.'),
        () => undefined,
      );
    });
  }

  /** Rewrites the link once the screen has settled; calls in between are folded into that one. */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      const url = linkTo(this.state(), window.location);
      history.replaceState(null, '', url);
      this.input.value = url;
    }, SETTLE_MS);
  }
}

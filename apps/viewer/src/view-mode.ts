import { byId } from './dom';

/** How the replay shows each hour: as known now, or only from what had been reported by its end. */
export type ReplayView = 'known' | 'reported';

/**
 * The switch "As known now / As reported at the time" above the map, and the words beside the
 * clock saying which one the session on screen shows.
 */
export class ViewModeSwitch {
  private readonly buttons = [...byId('view-mode').querySelectorAll<HTMLButtonElement>('button[data-view]')];
  private readonly badge = byId('view-badge');
  private readonly chartNote = byId('chart-view');

  constructor(onChange: (view: ReplayView) => void) {
    // two pressed-or-not buttons rather than radios, so the arrow keys still step the replay
    for (const button of this.buttons)
      button.addEventListener('click', () => {
        if (button.getAttribute('aria-pressed') === 'true') return;
        const view = button.dataset.view === 'reported' ? 'reported' : 'known';
        this.show(view);
        onChange(view);
      });
  }

  show(view: ReplayView): void {
    for (const button of this.buttons) button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }

  /** Says which view the session shows, as the service acknowledged its start. */
  announce(asReported: boolean): void {
    this.badge.textContent = asReported ? 'As reported at the time' : 'As known now';
    this.badge.classList.toggle('reported', asReported);
    this.chartNote.hidden = !asReported;
  }
}

import { byId } from './dom';

/** How the replay shows each hour: as known now, or only from what had been reported by its end. */
export type ReplayView = 'known' | 'reported';

/**
 * The switch "As known now / As reported at the time" above the map, and the words beside the
 * clock saying which one the session on screen shows.
 */
export class ViewModeSwitch {
  private readonly inputs = [...byId('view-mode').querySelectorAll<HTMLInputElement>('input[name="view"]')];
  private readonly badge = byId('view-badge');
  private readonly chartNote = byId('chart-view');

  constructor(onChange: (view: ReplayView) => void) {
    for (const input of this.inputs)
      input.addEventListener('change', () => input.checked && onChange(input.value === 'reported' ? 'reported' : 'known'));
  }

  show(view: ReplayView): void {
    for (const input of this.inputs) input.checked = input.value === view;
  }

  /** Says which view the session shows, as the service acknowledged its start. */
  announce(asReported: boolean): void {
    this.badge.textContent = asReported ? 'As reported at the time' : 'As known now';
    this.badge.classList.toggle('reported', asReported);
    this.chartNote.hidden = !asReported;
  }
}

import { FADE_AFTER_DAYS, parseFadeAfter } from './age';
import { byId } from './dom';

/** "Fade after [7] days": how old a state's information may be before its marker starts to fade. */
export class FadeControl {
  private readonly input = byId<HTMLInputElement>('fade-after');
  private days = FADE_AFTER_DAYS;

  constructor(onChange: (days: number) => void) {
    this.input.addEventListener('change', () => {
      const days = parseFadeAfter(this.input.value);
      // a value the control does not take puts back the one in use
      if (days === undefined) return void (this.input.value = String(this.days));
      onChange(this.show(days));
    });
  }

  /** Shows the days a link asks for, or the default, and returns them. */
  show(days: number | undefined): number {
    this.days = days ?? FADE_AFTER_DAYS;
    this.input.value = String(this.days);
    return this.days;
  }
}

import { showDayMarks } from './day-marks';
import { byId } from './dom';
import { playbackKeys } from './playback-keys';
import type { ReplayClient, StartedReplay } from './replay-client';
import type { StatusBar } from './status-bar';
import type { CampaignClock } from './time';

const HOUR = 3_600_000;

/**
 * Play, pause, a step of an hour, the speed and the timeline of the session on screen, from the
 * buttons or the keys. Sessions start paused, so a new one waits on its snapshot.
 */
export class Playback {
  private readonly button = byId('play');
  private readonly timeline = byId<HTMLInputElement>('timeline');
  private readonly speedChoice = byId<HTMLSelectElement>('speed');
  private replay: StartedReplay | undefined;
  private playing = false;
  /** Play after the end starts again from the first hour. */
  private ended = false;

  constructor(
    private readonly client: ReplayClient,
    private readonly status: StatusBar,
    onSpeed: (speed: number) => void,
  ) {
    this.button.addEventListener('click', () => void this.toggle());
    byId('step').addEventListener('click', () => void this.step(1));
    byId('step-back').addEventListener('click', () => void this.step(-1));
    this.speedChoice.addEventListener('change', () => {
      const speed = Number(this.speedChoice.value);
      void client.speed(speed);
      onSpeed(speed);
    });
    this.timeline.addEventListener(
      'change',
      () =>
        this.replay &&
        void this.goTo(Date.parse(this.replay.from) + Number(this.timeline.value) * HOUR).catch((e: Error) =>
          status.show(e.message, true),
        ),
    );
    playbackKeys({ toggle: () => void this.toggle(), step: (hours) => void this.step(hours) });
  }

  /** Whether hours are going by on their own (not paused, not at the end). */
  get isPlaying(): boolean {
    return this.playing;
  }

  get started(): boolean {
    return this.replay !== undefined;
  }

  /** The speed chosen, in campaign hours per second. */
  get speed(): number {
    return Number(this.speedChoice.value);
  }

  /** Shows the speed a link asks for, or 1 h/s when it asks for none or for one not offered. */
  showSpeed(speed: number | undefined): void {
    this.speedChoice.value = String(speed ?? 1);
    if (this.speedChoice.value === '') this.speedChoice.value = '1';
  }

  /** Stops playing before a new session is asked for. */
  reset(): void {
    this.setPlaying(false);
    this.ended = false;
  }

  /** Takes a new session: its timeline starts at its first hour. */
  begin(replay: StartedReplay, clock: CampaignClock): void {
    this.replay = replay;
    this.timeline.max = String(replay.frames - 1);
    this.timeline.value = '0';
    showDayMarks(replay, clock);
  }

  end(): void {
    this.ended = true;
    this.setPlaying(false);
  }

  /** Moves the timeline's thumb to the hour starting at `at`. */
  showHour(at: string): void {
    if (!this.replay) return;
    const index = Math.round((Date.parse(at) - Date.parse(this.replay.from)) / HOUR);
    this.timeline.value = String(Math.max(0, index));
  }

  /** Shows the hour starting at `instant`: the state before it, then its frame. */
  async goTo(instant: number): Promise<void> {
    if (!this.replay) return;
    const hour = Math.floor((instant - Date.parse(this.replay.from)) / HOUR);
    const at = new Date(Date.parse(this.replay.from) + Math.max(0, hour) * HOUR).toISOString();
    this.ended = false;
    await this.client.seek(at);
    if (!this.playing) await this.client.step(1);
  }

  private async toggle(): Promise<void> {
    if (!this.replay) return;
    if (this.playing) {
      this.setPlaying(false);
      await this.client.pause();
      return;
    }
    if (this.ended) await this.goTo(Date.parse(this.replay.from));
    this.ended = false;
    this.setPlaying(true);
    await this.client.play();
  }

  private async step(hours: number): Promise<void> {
    if (!this.replay) return;
    if (this.playing) {
      this.setPlaying(false);
      await this.client.pause();
    }
    await this.client.step(hours).catch((e: Error) => this.status.show(e.message, true));
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.button.textContent = playing ? 'Pause' : 'Play';
    this.button.setAttribute('aria-pressed', String(playing));
  }
}

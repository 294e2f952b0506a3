import {
	currentStep,
	enteredStep,
	nextStep,
	reduce,
	remainingMs,
	repProgress,
	stepElapsedMs,
	type PlayerEvent,
	type PlayerState,
	type Step
} from '$lib/core/player/player';
import { announcement, holdCue } from '$lib/core/player/cues';
import type { Exercise } from '$lib/core/content/definitions';
import type { Speech } from '$lib/platform/speech';
import type { Beeper } from '$lib/platform/beeper';
import type { Haptics } from '$lib/platform/haptics';
import type { ScreenWakeLock, WakeLockStatus } from '$lib/platform/wake-lock';
import type { Clock } from '$lib/platform/clock';

export interface PlayerEffects {
	clock: Clock;
	speech: Speech;
	beeper: Beeper;
	haptics: Haptics;
	wakeLock: ScreenWakeLock;
	/** Keeps the state so a killed page can resume; called at each step change and every second. */
	save(state: PlayerState, savedAt: number): void;
	/** Called once when the routine reaches its end (finished or ended early). */
	finished(state: PlayerState): void;
}

/**
 * The running routine in the browser: holds the pure player's state, feeds it events with the
 * clock's time, and turns its step changes into cues. A tick only re-renders and lets the state
 * machine catch up; time itself comes from deadlines.
 */
export class PlayerSession {
	state: PlayerState = $state.raw({ status: 'ready', steps: [] });
	now = $state(0);
	wakeLock: WakeLockStatus | undefined = $state();

	private timer: ReturnType<typeof setInterval> | undefined;
	private lastWholeSecond = -1;
	private lastSavedSecond = -1;
	private lastRep = 0;

	constructor(
		initial: PlayerState,
		private readonly exercises: ReadonlyMap<string, Exercise>,
		private readonly effects: PlayerEffects
	) {
		this.state = initial;
		this.now = effects.clock.now();
	}

	get step(): Step | undefined {
		return currentStep(this.state);
	}

	get next(): Step | undefined {
		return nextStep(this.state);
	}

	get remaining(): number {
		return remainingMs(this.state, this.now);
	}

	get rep() {
		const step = this.step;
		return step ? repProgress(step, stepElapsedMs(this.state, this.now)) : undefined;
	}

	exercise(step: Step | undefined): Exercise | undefined {
		return step ? this.exercises.get(step.exerciseId) : undefined;
	}

	/** Starts the clock; from a tap, so audio may play. */
	begin(): void {
		this.effects.beeper.unlock();
		this.dispatch({ type: this.state.status === 'paused' ? 'resume' : 'start' });
		this.show();
	}

	/**
	 * Shows the routine as it is, without starting it: a resumed routine waits, paused, for the
	 * person's tap on Resume. The screen stays awake meanwhile.
	 */
	show(): void {
		if (!this.timer)
			void this.effects.wakeLock.acquire().then((status) => (this.wakeLock = status));
		this.timer ??= setInterval(() => this.dispatch({ type: 'tick' }), 200);
	}

	dispatch(event: PlayerEvent): void {
		const before = this.state;
		const now = this.effects.clock.now();
		const after = reduce(before, event, now);
		this.now = now;
		const entered = after === before ? undefined : enteredStep(before, after);
		this.state = after;
		if (entered) this.announce(entered);
		else this.countdownCues();
		if (after.status === 'done') {
			if (before.status !== 'done') {
				this.stop();
				this.effects.finished(after);
			}
			return;
		}
		// Kept at every step change and once a second, so a killed page loses at most a second.
		const second = Math.floor(now / 1000);
		if (after !== before || second !== this.lastSavedSecond) {
			this.lastSavedSecond = second;
			if (after.status !== 'ready') this.effects.save(after, now);
		}
	}

	togglePause(): void {
		if (this.state.status === 'running') this.dispatch({ type: 'pause' });
		else if (this.state.status === 'paused') this.dispatch({ type: 'resume' });
	}

	/** The page was hidden or is going away: keep the exact state. */
	persist(): void {
		const { status } = this.state;
		if (status === 'running' || status === 'paused' || status === 'too-much') {
			const now = this.effects.clock.now();
			this.effects.save(reduce(this.state, { type: 'tick' }, now), now);
		}
	}

	/** The page is visible again: catch up at once, and take the voice and the audio back. */
	returned(): void {
		this.effects.beeper.unlock();
		this.effects.speech.recover();
		this.dispatch({ type: 'tick' });
	}

	/** Any tap: a browser that refused audio after the background allows it from a gesture. */
	touched(): void {
		this.effects.beeper.unlock();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.effects.wakeLock.release();
	}

	private announce(step: Step): void {
		const exercise = this.exercise(step);
		this.lastWholeSecond = -1;
		this.lastRep = 0;
		this.effects.beeper.beep(step.kind === 'done' ? 'done' : 'phase');
		this.effects.haptics.pulse(step.kind === 'work' ? [120, 60, 120] : 150);
		if (!exercise) return;
		const next = step.nextExerciseId ? this.exercises.get(step.nextExerciseId) : undefined;
		this.effects.speech.speak(announcement(step, exercise, next));
	}

	/** Beeps on the last three seconds, rep counts at tempo, and cues during long holds. */
	private countdownCues(): void {
		const step = this.step;
		if (!step || this.state.status !== 'running') return;
		const secondsLeft = Math.ceil(this.remaining / 1000);
		if (secondsLeft !== this.lastWholeSecond) {
			this.lastWholeSecond = secondsLeft;
			if (secondsLeft >= 1 && secondsLeft <= 3) this.effects.beeper.beep('count');
			const exercise = this.exercise(step);
			const elapsed = Math.round(step.durationMs / 1000) - secondsLeft;
			const cue = exercise ? holdCue(exercise, step, elapsed) : undefined;
			if (cue) this.effects.speech.speak(cue);
		}
		const rep = this.rep;
		if (rep && rep.rep !== this.lastRep) {
			this.lastRep = rep.rep;
			if (rep.rep > 1) this.effects.speech.speak(String(rep.rep));
		}
	}
}

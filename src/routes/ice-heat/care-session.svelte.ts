import {
	APPLICATION_MINUTES,
	endApplication,
	hasEnded,
	nextIceAt,
	remainingMs,
	startApplication,
	upcomingIce,
	type CareApplication,
	type CareKind,
	type RunningApplication
} from '$lib/core/care/ice-heat';
import type { Beeper } from '$lib/platform/beeper';
import type { Clock } from '$lib/platform/clock';
import type { Haptics } from '$lib/platform/haptics';
import type { Speech } from '$lib/platform/speech';
import type { ScreenWakeLock, WakeLockStatus } from '$lib/platform/wake-lock';

export interface CareEffects {
	clock: Clock;
	speech: Speech;
	beeper: Beeper;
	haptics: Haptics;
	wakeLock: ScreenWakeLock;
	/** The device's offset from UTC at a moment, in minutes as Date#getTimezoneOffset gives it. */
	timezoneOffset(at: number): number;
	/** "11:30": a moment in the person's own words, for the voice. */
	timeWords(at: number): string;
	/**
	 * Keeps the application under way, so a reloaded page carries on. Resolves once it is stored
	 * or waits to be: a write that fails is the records owner's to retry and tell, never this flow's.
	 */
	keep(running: RunningApplication): Promise<unknown>;
	/**
	 * Keeps an ended application (none when it lasted under a minute) and lets the running one go;
	 * resolves, like `keep`, once it is stored or waits to be.
	 */
	record(application: CareApplication | undefined): Promise<unknown>;
}

/** How often the countdown is drawn again; the time itself always comes from the deadline. */
const TICK_MS = 250;

/**
 * The ice-and-heat page's flow in the browser: one application at a time, its countdown, the cue
 * at its end, and keeping it. The pure core says how long is left; this turns that into effects.
 */
export class CareSession {
	running: RunningApplication | undefined = $state.raw();
	/** The application that ended while this page was open (or while it was closed). */
	ended: CareApplication | undefined = $state.raw();
	applications: readonly CareApplication[] = $state.raw([]);
	now = $state(0);
	wakeLock: WakeLockStatus | undefined = $state();

	private timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		private readonly effects: CareEffects,
		applications: readonly CareApplication[] = []
	) {
		this.applications = applications;
		this.now = effects.clock.now();
	}

	get remaining(): number {
		return this.running ? remainingMs(this.running, this.now) : 0;
	}

	/** The next ice, when one is due: about 90 minutes after the last ice ended. */
	get upcoming() {
		return upcomingIce(this.applications, this.now);
	}

	/** Starts an application; from a tap, so sound may play. */
	async start(kind: CareKind): Promise<void> {
		if (this.running) return;
		this.effects.beeper.unlock();
		const now = this.effects.clock.now();
		this.now = now;
		this.ended = undefined;
		this.running = startApplication(kind, now);
		this.run();
		this.effects.speech.speak(
			kind === 'ice'
				? `${APPLICATION_MINUTES} minutes of ice. Keep a cloth between your skin and the ice.`
				: `${APPLICATION_MINUTES} minutes of heat. Do not fall asleep on it.`
		);
		await this.keepRunning();
	}

	/**
	 * An application kept from before the page was closed: it carries on from its deadline, or,
	 * when that passed meanwhile, is kept as ended without a cue (nobody is listening for it).
	 */
	async carryOn(running: RunningApplication): Promise<void> {
		this.running = running;
		this.now = this.effects.clock.now();
		if (hasEnded(running, this.now)) await this.finish(false);
		else this.run();
	}

	/** Catches up with the clock; the application ends the moment its deadline has passed. */
	tick(): void {
		this.now = this.effects.clock.now();
		if (this.running && hasEnded(this.running, this.now)) void this.finish(true);
	}

	/** The page is visible again: take the voice and the audio back, and catch up at once. */
	returned(): void {
		this.effects.beeper.unlock();
		this.effects.speech.recover();
		this.tick();
	}

	/** Ends the application before its time; what was applied is kept. */
	async stopEarly(): Promise<void> {
		if (!this.running) return;
		this.now = this.effects.clock.now();
		await this.finish(false);
	}

	dispose(): void {
		this.halt();
	}

	private run(): void {
		void this.effects.wakeLock.acquire().then((status) => (this.wakeLock = status));
		this.timer ??= setInterval(() => this.tick(), TICK_MS);
	}

	private halt(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.effects.wakeLock.release();
	}

	private async keepRunning(): Promise<void> {
		const running = this.running;
		if (running) await this.effects.keep(running);
	}

	private async finish(cue: boolean): Promise<void> {
		const running = this.running;
		if (!running) return;
		this.running = undefined;
		this.halt();
		const application = endApplication(
			running,
			this.now,
			this.effects.timezoneOffset(running.startedAt)
		);
		this.ended = application;
		if (cue) this.endCue(application);
		await this.save(application);
	}

	private endCue(application: CareApplication): void {
		this.effects.beeper.beep('done');
		this.effects.haptics.pulse([200, 100, 200]);
		const next = nextIceAt(application);
		const off = application.kind === 'ice' ? 'Take the ice off.' : 'Take the heat off.';
		this.effects.speech.speak(
			next === undefined
				? `Time is up. ${off}`
				: `Time is up. ${off} The next ice is due at about ${this.effects.timeWords(next)}.`
		);
	}

	private async save(application: CareApplication): Promise<void> {
		const kept = application.minutes > 0 ? application : undefined;
		await this.effects.record(kept);
		// Stored or waiting to be, it was applied: it counts for today and for the next ice.
		if (kept) this.applications = [...this.applications, kept];
	}
}

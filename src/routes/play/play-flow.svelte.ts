import type { Exercise, Routine } from '$lib/core/definitions';
import type { CheckIn, History, LocalDate, RedFlag, SessionRecord } from '$lib/core/history';
import {
	elapsedMs,
	readyPlayer,
	reduce,
	type PlayerState,
	type TooMuchChoice
} from '$lib/core/player';
import { PLAYER_STATE_VERSION } from '$lib/core/player-format';
import { timesDoneByExercise } from '$lib/core/player-steps';
import { badDayPlan } from '$lib/core/gentle-day';
import { redFlagStop, tomorrowPlan, type DayPlan } from '$lib/core/progression';
import {
	checkInRecord,
	plannedRoutine,
	sessionRecord,
	type CheckInAnswer
} from '$lib/core/session-record';
import type { Clock } from '$lib/platform/clock';
import type { CueSwitches } from '$lib/platform/cue-switches';
import type { SavedRoutine } from '$lib/storage/active-routine';
import { PlayerSession, type PlayerEffects } from './player-session.svelte';
import { LatestWrite } from './save-queue';

/** What the player page reads when it opens. */
export interface PlayStart {
	routine: Routine;
	history: History;
	settings: CueSwitches;
	plan: DayPlan;
}

/** The stored records the player page reads and writes. */
export interface PlayRecords {
	load(today: LocalDate): Promise<PlayStart>;
	/** The routine in progress, in whatever format it was kept. */
	savedRoutine(): Promise<SavedRoutine<unknown> | undefined>;
	keepRoutine(saved: SavedRoutine<PlayerState>): Promise<void>;
	discardRoutine(): Promise<void>;
	/** The session, with the routine in progress cleared in the same write. */
	endSession(session: SessionRecord): Promise<void>;
	checkIn(checkIn: CheckIn): Promise<void>;
}

export interface PlayFlowEffects {
	clock: Clock;
	/** The device's offset from UTC at a moment, in minutes, as Date's getTimezoneOffset says. */
	timezoneOffset(at: number): number;
	exercises: ReadonlyMap<string, Exercise>;
	records: PlayRecords;
	/** The cues (with the person's switches) and the wake lock of a routine. */
	playerEffects(switches: CueSwitches): Omit<PlayerEffects, 'clock' | 'save' | 'finished'>;
	/** Progress worth keeping now exists: ask the browser not to clear it. */
	keepStorage(): void;
	/** The screens after a routine (or instead of one) will be needed: load their code. */
	prepareEndScreens(): void;
}

export type PlayScreen =
	| { kind: 'loading' }
	| { kind: 'stopped'; redFlags: RedFlag[]; urgent: boolean }
	| { kind: 'resume-offer'; state: PlayerState; savedAt: number }
	| { kind: 'playing' }
	| { kind: 'confirm-end' }
	| { kind: 'check-in'; session: SessionRecord; exercises: Exercise[] }
	| {
			kind: 'summary';
			session: SessionRecord;
			tomorrow: DayPlan;
			elapsedMs: number;
			/** The pain given in the check-in, for the words of next time. */
			pain: number;
	  }
	| { kind: 'red-flags'; redFlags: RedFlag[]; urgent: boolean };

/**
 * The player page's flow, from opening to the summary: whether to resume, the running routine and
 * the keeping of its state, "too much", ending early, recording the session, the check-in, and
 * where red flags lead. The page shows `screen` and passes taps in.
 */
export class PlayFlow {
	screen: PlayScreen = $state({ kind: 'loading' });
	player: PlayerSession | undefined = $state.raw();
	/** Set after "too much": what will change, said without blame. */
	eased = $state('');

	private routine: Routine | undefined;
	private history: History | undefined;
	private switches: CueSwitches = { voice: true, beeps: true, vibration: true };
	private readonly keeping: LatestWrite<SavedRoutine<PlayerState>>;

	constructor(private readonly effects: PlayFlowEffects) {
		this.keeping = new LatestWrite(
			(saved) => effects.records.keepRoutine(saved),
			() => {
				// The next second's save tries again; the end of the routine is written on its own.
			}
		);
	}

	/**
	 * Reads what is stored and shows the resume offer, the red-flag stop, or starts the routine:
	 * on a bad day (the back sore or in spasm this morning) the gentle part of today's plan.
	 */
	async open(choice: { badDay?: boolean } = {}): Promise<void> {
		const { records, clock, exercises } = this.effects;
		const start = await records.load(clock.today());
		this.routine = start.routine;
		this.history = start.history;
		this.switches = start.settings;
		const saved = await records.savedRoutine();
		if (saved?.version === PLAYER_STATE_VERSION) {
			const state = saved.state as PlayerState;
			if (state.status === 'running' || state.status === 'paused' || state.status === 'too-much') {
				// Freeze it where it was when last kept: the time away is not routine time.
				this.screen = {
					kind: 'resume-offer',
					state: reduce(state, { type: 'pause' }, saved.savedAt),
					savedAt: saved.savedAt
				};
				return;
			}
		}
		if (start.plan.stop) {
			this.effects.prepareEndScreens();
			this.screen = {
				kind: 'stopped',
				redFlags: start.plan.stop.redFlags,
				urgent: start.plan.stop.urgent
			};
			return;
		}
		const plan = choice.badDay ? badDayPlan(start.plan, exercises) : start.plan;
		const planned = plannedRoutine(start.routine, plan, exercises, {
			timesDone: timesDoneByExercise(start.history.sessions)
		});
		this.routine = planned.routine;
		this.start(readyPlayer(planned.steps));
	}

	/** Starts the player from `initial`: a ready routine, or a kept one to resume. */
	start(initial: PlayerState): void {
		const { clock, exercises } = this.effects;
		this.player = new PlayerSession(initial, exercises, {
			clock,
			...this.effects.playerEffects(this.switches),
			save: (state, savedAt) => {
				if (state.status !== 'done') {
					this.keeping.put({ version: PLAYER_STATE_VERSION, state, savedAt });
				}
			},
			finished: (state) => void this.finished(state)
		});
		this.screen = { kind: 'playing' };
		this.player.begin();
	}

	/** Forgets the kept routine and starts today's afresh. */
	async discard(): Promise<void> {
		await this.effects.records.discardRoutine();
		this.screen = { kind: 'loading' };
		await this.open();
	}

	/** Ends the hold or set under way early, and says what that changes. */
	tooMuch(): void {
		const player = this.player;
		const step = player?.step;
		if (!player || step?.kind !== 'work') return;
		const exercise = this.effects.exercises.get(step.exerciseId);
		const side = step.side === 'both' ? '' : ` on the ${step.side} side`;
		this.eased = `Stopped early. Next time ${exercise?.name ?? 'this exercise'}${side} goes down a step.`;
		player.dispatch({ type: 'tooMuch' });
	}

	/** The answer to "too much": rest a moment, or skip on. Ending goes through askToEnd. */
	choose(choice: TooMuchChoice): void {
		this.player?.dispatch({ type: 'choose', choice });
	}

	/** "End routine": the routine pauses while the person chooses. */
	askToEnd(): void {
		if (this.player?.state.status === 'running') this.player.dispatch({ type: 'pause' });
		this.screen = { kind: 'confirm-end' };
	}

	keepGoing(): void {
		this.screen = { kind: 'playing' };
	}

	endRoutine(stoppedForPain: boolean): void {
		this.screen = { kind: 'playing' };
		this.player?.dispatch({ type: 'finish', stoppedForPain });
	}

	/** The page is hidden or going away: keep the exact state. */
	hidden(): void {
		this.player?.persist();
	}

	/** The page is visible again. */
	shown(): void {
		this.player?.returned();
	}

	/** The page is closed: keep the state and let go of the screen and the timer. */
	close(): void {
		this.player?.persist();
		this.player?.stop();
	}

	/** The person answered the check-in: keep it, then show the summary or the red-flag advice. */
	async answer(answer: CheckInAnswer): Promise<void> {
		if (this.screen.kind !== 'check-in') return;
		const { session } = this.screen;
		const checkIn = checkInRecord(session, answer, this.effects.clock.now());
		await this.effects.records.checkIn(checkIn);
		const history: History = {
			...(this.history ?? { sessions: [session], mornings: [] }),
			checkIns: [...(this.history?.checkIns ?? []), checkIn]
		};
		this.history = history;
		const stop = redFlagStop(history, session.date);
		if (stop) {
			this.screen = { kind: 'red-flags', redFlags: stop.redFlags, urgent: stop.urgent };
			return;
		}
		this.screen = {
			kind: 'summary',
			session,
			pain: answer.pain,
			elapsedMs: this.player ? elapsedMs(this.player.state, session.endedAt) : 0,
			tomorrow: tomorrowPlan({
				exercises: this.effects.exercises,
				routine: this.routine!,
				history,
				today: session.date
			})
		};
	}

	private async finished(state: PlayerState): Promise<void> {
		this.effects.prepareEndScreens();
		if (state.status !== 'done' || !this.routine) return;
		const session = sessionRecord(
			state,
			this.routine.id,
			this.effects.timezoneOffset(state.startedAt)
		);
		// The session is kept at once: the check-in is asked next, but a closed page must not lose it.
		await this.keeping.settle();
		await this.effects.records.endSession(session);
		this.effects.keepStorage();
		this.history = this.history && {
			...this.history,
			sessions: [...this.history.sessions, session]
		};
		const exercises = this.routine.items.flatMap((item) => {
			const exercise = this.effects.exercises.get(item.exercise);
			return exercise ? [exercise] : [];
		});
		this.screen = { kind: 'check-in', session, exercises };
	}
}

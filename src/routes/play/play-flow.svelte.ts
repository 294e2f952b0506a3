import type { Exercise, Routine } from '$lib/core/content/definitions';
import type {
	CheckIn,
	History,
	LocalDate,
	RedFlag,
	SessionRecord
} from '$lib/core/records/history';
import {
	elapsedMs,
	readyPlayer,
	reduce,
	type DoneState,
	type PlayerState,
	type TooMuchChoice
} from '$lib/core/player/player';
import { PLAYER_STATE_VERSION } from '$lib/core/player/saved-routine-version';
import { timesDoneByExercise } from '$lib/core/player/player-steps';
import { badDayPlan } from '$lib/core/progression/gentle-day';
import { redFlagStop, tomorrowPlan, type DayPlan } from '$lib/core/progression/progression';
import { routineExercises } from '$lib/core/progression/session-days';
import {
	checkInRecord,
	plannedRoutine,
	sessionRecord,
	type CheckInAnswer,
	type SkippedCheckIn
} from '$lib/core/player/session-record';
import type { Clock } from '$lib/platform/clock';
import type { CueSwitches } from '$lib/platform/cue-switches';
import type { BudgetMinutes } from '$lib/core/progression/budget';
import type { SavedRoutine } from '$lib/storage/active-routine';
import { storageProblemOf, type StorageProblem } from '$lib/app/storage-problem';
import type { KeptRoutine } from '$lib/core/player/saved-routine';
import { PlayerSession, type PlayerEffects } from './player-session.svelte';
import { LatestWrite } from './save-queue';

/** What the player page reads when it opens. */
export interface PlayStart {
	routine: Routine;
	history: History;
	settings: CueSwitches & { budgetMinutes?: BudgetMinutes };
	plan: DayPlan;
	/** A session that ended without its check-in (the page was reloaded or closed at it). */
	awaitingCheckIn?: SessionRecord;
}

/** The stored records the player page reads and writes. */
export interface PlayRecords {
	load(
		today: LocalDate
	): Promise<{ ok: true; start: PlayStart } | { ok: false; problem: StorageProblem }>;
	/** The routine in progress as kept, of whatever shape; undefined when none is kept. */
	savedRoutine(): Promise<unknown>;
	keepRoutine(saved: SavedRoutine<PlayerState>): Promise<void>;
	discardRoutine(): Promise<void>;
	/**
	 * The session, with the routine in progress cleared in the same write; false when it could
	 * not be stored yet (it then waits in memory and the page says so).
	 */
	endSession(session: SessionRecord): Promise<boolean>;
	checkIn(checkIn: CheckIn): Promise<boolean>;
	/** "Not now" for the check-in of a session: it is not asked again. */
	setCheckInAside(sessionId: string): Promise<void>;
}

export interface PlayFlowEffects {
	clock: Clock;
	/** The device's offset from UTC at a moment, in minutes, as Date's getTimezoneOffset says. */
	timezoneOffset(at: number): number;
	exercises: ReadonlyMap<string, Exercise>;
	records: PlayRecords;
	/** Checks a kept routine before it is trusted (core/player/saved-routine.ts, loaded when needed). */
	readKept(saved: unknown): Promise<KeptRoutine>;
	/** The cues (with the person's switches) and the wake lock of a routine. */
	playerEffects(switches: CueSwitches): Omit<PlayerEffects, 'clock' | 'save' | 'finished'>;
	/** Progress worth keeping now exists: ask the browser not to clear it. */
	keepStorage(): void;
	/** The screens after a routine (or instead of one) will be needed: load their code. */
	prepareEndScreens(): void;
}

export type PlayScreen =
	| { kind: 'loading' }
	/** Storage could not be opened or read: the page explains and offers a way out. */
	| { kind: 'storage-problem'; problem: StorageProblem }
	| { kind: 'stopped'; redFlags: RedFlag[]; urgent: boolean }
	/** A kept routine that cannot be resumed, and why. */
	| { kind: 'unusable'; problem: string }
	/** A routine that ended but was never recorded (the page was closed before it was stored). */
	| { kind: 'unrecorded'; state: DoneState }
	| { kind: 'playing' }
	| { kind: 'confirm-end' }
	/** `again`: asked again after a reload or on reopening; it may be set aside. */
	| { kind: 'check-in'; session: SessionRecord; exercises: Exercise[]; again?: boolean }
	| {
			kind: 'summary';
			session: SessionRecord;
			tomorrow: DayPlan;
			elapsedMs: number;
			/** The pain given in the check-in, for the words of next time; none when it was skipped. */
			pain?: number;
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
	/** The last second's state could not be kept: a closed page could not resume where it was. */
	placeNotKept = $state(false);

	private routine: Routine | undefined;
	private plan: DayPlan | undefined;
	/** The person chose the gentle routine for a sore day. */
	private badDay = false;
	private history: History | undefined;
	private switches: CueSwitches = { voice: true, beeps: true, vibration: true };
	/** The time budget the person chose, for tomorrow's plan. */
	private budgetMinutes: BudgetMinutes | undefined;
	private readonly keeping: LatestWrite<SavedRoutine<PlayerState>>;

	constructor(private readonly effects: PlayFlowEffects) {
		this.keeping = new LatestWrite(
			async (saved) => {
				await effects.records.keepRoutine(saved);
				this.placeNotKept = false;
			},
			() => {
				// Said on the page; the next second's save tries again, and the end of the routine is
				// written (and retried, and said) on its own.
				this.placeNotKept = true;
			}
		);
	}

	/**
	 * Reads what is stored, then: a kept routine opens paused at its step (one tap on Resume goes
	 * on), a kept routine that cannot be used is offered for discarding, an unrecorded one for
	 * keeping; otherwise the red-flag stop, or today's routine starts: on a bad day (the back sore
	 * or in spasm this morning) the gentle part of today's plan.
	 */
	async open(choice: { badDay?: boolean } = {}): Promise<void> {
		this.badDay = choice.badDay === true;
		const { records, clock } = this.effects;
		const loaded = await records.load(clock.today());
		if (!loaded.ok) {
			this.screen = { kind: 'storage-problem', problem: loaded.problem };
			return;
		}
		const { start } = loaded;
		this.routine = start.routine;
		this.history = start.history;
		this.switches = start.settings;
		this.budgetMinutes = start.settings.budgetMinutes;
		this.plan = start.plan;
		let saved: unknown;
		try {
			saved = await records.savedRoutine();
		} catch (error) {
			this.screen = { kind: 'unusable', problem: `it could not be read (${String(error)})` };
			return;
		}
		if (saved !== undefined) {
			const kept = await this.effects.readKept(saved);
			if (!kept.ok) {
				this.screen = { kind: 'unusable', problem: kept.problem };
				return;
			}
			if (kept.state.status === 'done') {
				this.screen = { kind: 'unrecorded', state: kept.state };
				return;
			}
			// Frozen where it was when last kept: the time away is not routine time.
			this.show(reduce(kept.state, { type: 'pause' }, kept.savedAt));
			return;
		}
		if (start.awaitingCheckIn) {
			const session = start.awaitingCheckIn;
			this.screen = {
				kind: 'check-in',
				session,
				exercises: this.exercisesOf(session),
				again: true
			};
			this.effects.prepareEndScreens();
			return;
		}
		this.today();
	}

	/** "Not now" for a check-in asked again: it is not asked again, and today's routine starts. */
	async setCheckInAside(): Promise<void> {
		if (this.screen.kind !== 'check-in') return;
		await this.effects.records.setCheckInAside(this.screen.session.id);
		this.today();
	}

	/** The exercises a session did, in the order it did them. */
	private exercisesOf(session: SessionRecord): Exercise[] {
		const ids = [...new Set(session.results.map((r) => r.exerciseId))];
		return ids.flatMap((id) => {
			const exercise = this.effects.exercises.get(id);
			return exercise ? [exercise] : [];
		});
	}

	/** Today's routine from the plan, or the red-flag stop. */
	private today(): void {
		if (!this.plan || !this.routine) return;
		const plan = this.badDay ? badDayPlan(this.plan, this.effects.exercises) : this.plan;
		if (plan.stop) {
			this.effects.prepareEndScreens();
			this.screen = { kind: 'stopped', redFlags: plan.stop.redFlags, urgent: plan.stop.urgent };
			return;
		}
		const planned = plannedRoutine(this.routine, plan, this.effects.exercises, {
			timesDone: timesDoneByExercise(this.history?.sessions ?? [])
		});
		this.routine = planned.routine;
		this.start(readyPlayer(planned.steps));
	}

	/** Records the routine that ended without being recorded, then asks its check-in. */
	async keepUnrecorded(): Promise<void> {
		if (this.screen.kind !== 'unrecorded') return;
		const { state } = this.screen;
		this.player = new PlayerSession(state, this.effects.exercises, this.playerEffects());
		await this.finished(state);
	}

	/** Starts the player from `initial`: a ready routine, or a kept one to resume. */
	start(initial: PlayerState): void {
		this.player = new PlayerSession(initial, this.effects.exercises, this.playerEffects());
		this.screen = { kind: 'playing' };
		this.player.begin();
	}

	/** Shows a kept routine paused at its step, with its time left; Resume carries on. */
	private show(paused: PlayerState): void {
		this.player = new PlayerSession(paused, this.effects.exercises, this.playerEffects());
		this.screen = { kind: 'playing' };
		this.player.show();
	}

	private playerEffects(): PlayerEffects {
		return {
			clock: this.effects.clock,
			...this.effects.playerEffects(this.switches),
			save: (state, savedAt) => {
				if (state.status !== 'done') {
					this.keeping.put({ version: PLAYER_STATE_VERSION, state, savedAt });
				}
			},
			finished: (state) => void this.finished(state)
		};
	}

	/** Forgets the kept routine and starts today's afresh. */
	async discard(): Promise<void> {
		try {
			await this.effects.records.discardRoutine();
		} catch (error) {
			this.screen = { kind: 'storage-problem', problem: storageProblemOf(error) };
			return;
		}
		this.player?.stop();
		this.player = undefined;
		this.today();
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
	async answer(answer: CheckInAnswer | SkippedCheckIn): Promise<void> {
		if (this.screen.kind !== 'check-in') return;
		const { session } = this.screen;
		let history: History = this.history ?? { sessions: [session], checkIns: [], mornings: [] };
		if (answer.pain === undefined) {
			// Skipped: nothing is recorded, no pain is presumed and the doses hold; it is not asked again.
			await this.effects.records.setCheckInAside(session.id);
		} else {
			const checkIn = checkInRecord(
				session,
				{ ...answer, pain: answer.pain },
				this.effects.clock.now()
			);
			// Not stored yet, it waits in memory and the page says so: the advice is shown regardless.
			await this.effects.records.checkIn(checkIn);
			history = { ...history, checkIns: [...history.checkIns, checkIn] };
		}
		this.history = history;
		const stop = redFlagStop(history, session.date);
		if (stop) {
			this.screen = { kind: 'red-flags', redFlags: stop.redFlags, urgent: stop.urgent };
			return;
		}
		this.screen = {
			kind: 'summary',
			session,
			...(answer.pain !== undefined ? { pain: answer.pain } : {}),
			elapsedMs: this.player
				? elapsedMs(this.player.state, session.endedAt)
				: session.endedAt - session.startedAt,
			tomorrow: tomorrowPlan({
				exercises: this.effects.exercises,
				routine: this.routine!,
				history,
				today: session.date,
				...(this.budgetMinutes ? { budgetMinutes: this.budgetMinutes } : {})
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
		if (await this.effects.records.endSession(session)) {
			this.effects.keepStorage();
		} else {
			// Not stored: it waits in memory, and the kept routine holds its end for the next opening.
			await this.effects.records
				.keepRoutine({ version: PLAYER_STATE_VERSION, state, savedAt: state.endedAt })
				.catch(() => {});
		}
		this.history = this.history && {
			...this.history,
			sessions: [...this.history.sessions, session]
		};
		const exercises = routineExercises(this.routine, this.effects.exercises);
		this.screen = { kind: 'check-in', session, exercises };
	}
}

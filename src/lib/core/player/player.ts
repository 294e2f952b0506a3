import type { ExerciseResult, Side } from '../records/history';
import type { Step } from './player-steps';

/**
 * The guided player as a state machine: reduce(state, event, now) -> state. Pure and total: it
 * never reads the clock, and an event that does not apply returns the state it was given.
 *
 * Time is kept as timestamps. A running step ends at its deadline; the next one ends at that
 * deadline plus its own duration, so a page that ticks late (hidden, throttled) catches up through
 * every step it missed without drifting. Every state is plain JSON, so a killed page can store it
 * and carry on where it was.
 */

export { expandRoutine, repProgress, SET_REST_MAX_SECONDS } from './player-steps';
export type { Dose, RepPhase, RepProgress, Step, StepKind } from './player-steps';

export { PLAYER_STATE_VERSION } from './saved-routine-version';

/** How a work step ended: run to its end, skipped, or ended early ("too much" or finish). */
export type StepOutcome = 'completed' | 'skipped' | 'stopped';

/** Outcome of each work step that has ended, by step index. */
export type Outcomes = Readonly<Record<number, StepOutcome>>;

interface Session {
	steps: readonly Step[];
	startedAt: number;
	outcomes: Outcomes;
	/**
	 * Work steps ended by "too much". Kept apart from the outcomes so that going back and doing the
	 * step again does not forget that it hurt.
	 */
	tooMuchSteps: readonly number[];
	/** Time spent paused, not counting a pause that is still going on. */
	pausedMs: number;
}

export interface ReadyState {
	status: 'ready';
	steps: readonly Step[];
}

export interface RunningState extends Session {
	status: 'running';
	index: number;
	/** When the current step started, or would have, had it not been paused. */
	stepStartedAt: number;
	deadline: number;
}

export interface PausedState extends Session {
	status: 'paused';
	index: number;
	remainingMs: number;
	pausedAt: number;
}

/**
 * "Too much" was pressed: the work step has ended and nothing runs until the person chooses to
 * rest a moment, skip the rest of the exercise (or its other side), or end the routine.
 */
export interface TooMuchState extends Session {
	status: 'too-much';
	/** The work step that was too much. */
	index: number;
	/** When the routine stopped; the time until a choice counts as a pause. */
	pausedAt: number;
}

/** What a person may choose after "too much" (ending is the `finish` event). */
export type TooMuchChoice = 'rest' | 'skip-side' | 'skip-exercise';

export interface DoneState extends Session {
	status: 'done';
	endedAt: number;
	/** Finished before the routine's end. */
	endedEarly: boolean;
	stoppedForPain: boolean;
	/** The step the routine ended on: the done step, or where it was finished early. */
	endedAtStep: number;
}

export type PlayerState = ReadyState | RunningState | PausedState | TooMuchState | DoneState;

export type PlayerEvent =
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'skip' }
	| { type: 'back' }
	| { type: 'tick' }
	/** Ends the current work step early because it is too much, and stops to ask what next. */
	| { type: 'tooMuch' }
	/** The answer to "too much": rest (paused at the next step) or skip on. */
	| { type: 'choose'; choice: TooMuchChoice }
	/** Ends the routine here. */
	| { type: 'finish'; stoppedForPain: boolean };

export function readyPlayer(steps: readonly Step[]): ReadyState {
	return { status: 'ready', steps };
}

function sessionOf(state: Session): Session {
	const { steps, startedAt, outcomes, tooMuchSteps, pausedMs } = state;
	return { steps, startedAt, outcomes, tooMuchSteps, pausedMs };
}

function withOutcome(session: Session, index: number, outcome: StepOutcome): Session {
	if (session.steps[index]?.kind !== 'work') return session;
	return { ...session, outcomes: { ...session.outcomes, [index]: outcome } };
}

function ended(
	session: Session,
	endedAt: number,
	endedAtStep: number,
	early?: { stoppedForPain: boolean }
): DoneState {
	return {
		status: 'done',
		...session,
		endedAt,
		endedEarly: early !== undefined,
		stoppedForPain: early?.stoppedForPain ?? false,
		endedAtStep
	};
}

/** The state at the start of step `index` with its full time; the routine's end at the done step. */
function enter(
	session: Session,
	index: number,
	now: number,
	status: 'running' | 'paused',
	pausedAt = now
): PlayerState {
	const step = session.steps[index];
	if (!step || step.kind === 'done') {
		const pausedMs = session.pausedMs + (status === 'paused' ? Math.max(0, now - pausedAt) : 0);
		return ended({ ...session, pausedMs }, now, index);
	}
	if (status === 'paused') {
		return { status, ...session, index, remainingMs: step.durationMs, pausedAt };
	}
	return { status, ...session, index, stepStartedAt: now, deadline: now + step.durationMs };
}

/** Runs through every step whose deadline has passed by `now`. */
function catchUp(state: RunningState, now: number): RunningState | DoneState {
	if (state.deadline > now) return state;
	let session = sessionOf(state);
	let { index, deadline } = state;
	while (deadline <= now) {
		session = withOutcome(session, index, 'completed');
		index += 1;
		const step = session.steps[index];
		if (!step || step.kind === 'done') return ended(session, deadline, index);
		deadline += step.durationMs;
	}
	const stepStartedAt = deadline - (session.steps[index]?.durationMs ?? 0);
	return { status: 'running', ...session, index, stepStartedAt, deadline };
}

function onRunning(state: RunningState, event: PlayerEvent, now: number): PlayerState {
	const session = sessionOf(state);
	const { index } = state;
	switch (event.type) {
		case 'pause':
			return {
				status: 'paused',
				...session,
				index,
				remainingMs: Math.max(0, state.deadline - now),
				pausedAt: now
			};
		case 'skip':
			return enter(withOutcome(session, index, 'skipped'), index + 1, now, 'running');
		case 'back':
			return enter(session, Math.max(0, index - 1), now, 'running');
		case 'tooMuch':
			if (session.steps[index]?.kind !== 'work') return state;
			return { status: 'too-much', ...tooMuch(session, index), index, pausedAt: now };
		case 'finish':
			return ended(withOutcome(session, index, 'stopped'), now, index, event);
		default:
			return state;
	}
}

function onPaused(state: PausedState, event: PlayerEvent, now: number): PlayerState {
	const session = sessionOf(state);
	const { index, pausedAt } = state;
	switch (event.type) {
		case 'resume': {
			const deadline = now + state.remainingMs;
			return {
				status: 'running',
				...session,
				pausedMs: session.pausedMs + Math.max(0, now - pausedAt),
				index,
				stepStartedAt: deadline - (session.steps[index]?.durationMs ?? 0),
				deadline
			};
		}
		case 'skip':
			return enter(withOutcome(session, index, 'skipped'), index + 1, now, 'paused', pausedAt);
		case 'back':
			return enter(session, Math.max(0, index - 1), now, 'paused', pausedAt);
		case 'tooMuch':
			if (session.steps[index]?.kind !== 'work') return state;
			return { status: 'too-much', ...tooMuch(session, index), index, pausedAt };
		case 'finish': {
			const pausedMs = session.pausedMs + Math.max(0, now - pausedAt);
			return ended({ ...withOutcome(session, index, 'stopped'), pausedMs }, now, index, event);
		}
		default:
			return state;
	}
}

/**
 * The first step after the exercise of step `index`: the rest before the next exercise, the next
 * exercise's first step, or the done step.
 */
function afterExercise(steps: readonly Step[], index: number): number {
	const exerciseId = steps[index]?.exerciseId;
	let next = index + 1;
	while (next < steps.length) {
		const step = steps[next]!;
		if (step.exerciseId !== exerciseId || step.nextExerciseId || step.kind === 'done') break;
		next += 1;
	}
	return next;
}

/**
 * The choices that make sense after "too much" on step `index`: resting always; skipping the
 * other side while a later side of the exercise is still to come; otherwise skipping what is
 * left of the exercise (more movements or sets), when something is.
 */
export function tooMuchChoices(state: PlayerState): TooMuchChoice[] {
	if (state.status !== 'too-much') return [];
	const { steps, index } = state;
	const step = steps[index];
	const end = afterExercise(steps, index);
	const later = steps.slice(index + 1, end).filter((s) => s.kind === 'work');
	if (!step || later.length === 0) return ['rest'];
	return later.some((s) => s.side !== step.side)
		? ['rest', 'skip-side']
		: ['rest', 'skip-exercise'];
}

function onTooMuch(state: TooMuchState, event: PlayerEvent, now: number): PlayerState {
	const session = sessionOf(state);
	const { index, pausedAt } = state;
	switch (event.type) {
		case 'choose': {
			if (!tooMuchChoices(state).includes(event.choice)) return state;
			if (event.choice === 'rest') return enter(session, index + 1, now, 'paused', pausedAt);
			const end = afterExercise(session.steps, index);
			let skipped = session;
			for (let i = index + 1; i < end; i += 1) skipped = withOutcome(skipped, i, 'skipped');
			const pausedMs = session.pausedMs + Math.max(0, now - pausedAt);
			return enter({ ...skipped, pausedMs }, end, now, 'running');
		}
		case 'finish': {
			const pausedMs = session.pausedMs + Math.max(0, now - pausedAt);
			return ended({ ...session, pausedMs }, now, index, event);
		}
		default:
			// Nothing starts again, and no tick moves on, until the person has chosen.
			return state;
	}
}

function tooMuch(session: Session, index: number): Session {
	const stopped = withOutcome(session, index, 'stopped');
	return { ...stopped, tooMuchSteps: [...stopped.tooMuchSteps, index] };
}

/**
 * The player after `event` at time `now`. A running player first catches up with every deadline
 * that has passed, so an event always applies to the step that is really on at `now`.
 */
export function reduce(state: PlayerState, event: PlayerEvent, now: number): PlayerState {
	switch (state.status) {
		case 'ready': {
			if (event.type !== 'start') return state;
			const session: Session = {
				steps: state.steps,
				startedAt: now,
				outcomes: {},
				tooMuchSteps: [],
				pausedMs: 0
			};
			return enter(session, 0, now, 'running');
		}
		case 'running': {
			const current = catchUp(state, now);
			return current.status === 'running' ? onRunning(current, event, now) : current;
		}
		case 'paused':
			return onPaused(state, event, now);
		case 'too-much':
			return onTooMuch(state, event, now);
		case 'done':
			return state;
	}
}

/** The step on screen: the first before the start, the done step at the end. */
export function currentStep(state: PlayerState): Step | undefined {
	switch (state.status) {
		case 'ready':
			return state.steps[0];
		case 'running':
		case 'paused':
		case 'too-much':
			return state.steps[state.index];
		case 'done':
			return state.steps[state.steps.length - 1];
	}
}

/** The step after the current one, for "next up". */
export function nextStep(state: PlayerState): Step | undefined {
	switch (state.status) {
		case 'ready':
			return state.steps[1];
		case 'running':
		case 'paused':
		case 'too-much':
			return state.steps[state.index + 1];
		case 'done':
			return undefined;
	}
}

/** Time left in the current step at `now`. */
export function remainingMs(state: PlayerState, now: number): number {
	const duration = currentStep(state)?.durationMs ?? 0;
	switch (state.status) {
		case 'ready':
			return duration;
		case 'running':
			return Math.max(0, Math.min(duration, state.deadline - now));
		case 'paused':
			return Math.max(0, Math.min(duration, state.remainingMs));
		case 'too-much':
		case 'done':
			return 0;
	}
}

/** Time spent in the current step at `now`, not counting pauses: what repProgress needs. */
export function stepElapsedMs(state: PlayerState, now: number): number {
	if (state.status === 'ready' || state.status === 'done') return 0;
	return (currentStep(state)?.durationMs ?? 0) - remainingMs(state, now);
}

/** Time spent in the whole routine at `now`, not counting pauses. */
export function elapsedMs(state: PlayerState, now: number): number {
	switch (state.status) {
		case 'ready':
			return 0;
		case 'running':
			return Math.max(0, now - state.startedAt - state.pausedMs);
		case 'paused':
		case 'too-much':
			return Math.max(0, state.pausedAt - state.startedAt - state.pausedMs);
		case 'done':
			return Math.max(0, state.endedAt - state.startedAt - state.pausedMs);
	}
}

const sideKey = (exerciseId: string, side: Side) => `${exerciseId}\u0000${side}`;

/**
 * The exercise and side a finish belongs to: the one being worked, or on a rest or a switch the
 * one just worked (that is what hurt); on a prepare step, the exercise being set up.
 */
function sideAtStep(steps: readonly Step[], index: number): string | undefined {
	const step = steps[index];
	if (!step) return undefined;
	for (let i = index; i >= 0; i -= 1) {
		const earlier = steps[i];
		if (earlier?.kind === 'work' && earlier.exerciseId === step.exerciseId) {
			return sideKey(earlier.exerciseId, earlier.side);
		}
	}
	return sideKey(step.exerciseId, step.side);
}

/**
 * One result per exercise and side of the routine, in routine order: completed when every work
 * step of it ran to its end; stopped for pain when the routine was finished for pain there or
 * "too much" ended one of its work steps.
 */
export function results(state: PlayerState): ExerciseResult[] {
	const outcomes: Outcomes = state.status === 'ready' ? {} : state.outcomes;
	const hurt = new Set<string>();
	const tooMuch = new Set<string>();
	if (state.status !== 'ready') {
		for (const index of state.tooMuchSteps) {
			const step = state.steps[index];
			if (step) tooMuch.add(sideKey(step.exerciseId, step.side));
		}
	}
	if (state.status === 'done' && state.stoppedForPain) {
		const key = sideAtStep(state.steps, state.endedAtStep);
		if (key) hurt.add(key);
	}
	const byKey = new Map<string, ExerciseResult>();
	for (const step of state.steps) {
		if (step.kind !== 'work') continue;
		const key = sideKey(step.exerciseId, step.side);
		const done = outcomes[step.index] === 'completed';
		const result = byKey.get(key);
		if (result) {
			result.completed &&= done;
		} else {
			byKey.set(key, {
				exerciseId: step.exerciseId,
				side: step.side,
				completed: done,
				stoppedForPain: hurt.has(key),
				level: step.level,
				...(tooMuch.has(key) ? { tooMuch: true } : {})
			});
		}
	}
	return [...byKey.values()];
}

/**
 * The step to announce after a change from `before` to `after`: the step just entered (or
 * restarted by "back"), the done step when the routine ended; undefined when the step stayed the
 * same (a tick within a step, a pause, a resume). Pause and resume show in the status.
 */
export function enteredStep(before: PlayerState, after: PlayerState): Step | undefined {
	if (before === after || after.status === 'ready') return undefined;
	if (after.status === 'done') return before.status === 'done' ? undefined : currentStep(after);
	if (before.status === 'ready' || before.status === 'done') return currentStep(after);
	if (before.index !== after.index) return currentStep(after);
	const restarted =
		(before.status === 'running' &&
			after.status === 'running' &&
			before.stepStartedAt !== after.stepStartedAt) ||
		(before.status === 'paused' &&
			after.status === 'paused' &&
			before.remainingMs !== after.remainingMs);
	return restarted ? currentStep(after) : undefined;
}

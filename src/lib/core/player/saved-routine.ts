import * as v from 'valibot';
import { IdSchema, type Exercise } from '../content/definitions';
import type { PlayerState, Step } from './player';
import { PLAYER_STATE_VERSION } from './saved-routine-version';
import { STEP_KINDS } from './player-steps';
import { POSITIONS } from '../content/positions';
import { TimeSchema } from '../records/record-schemas';

/**
 * A routine in progress as a closed page kept it, checked before the player trusts it: with the
 * same discipline as a backup file, a kept state that is damaged, from another format or names an
 * exercise this app does not have is refused with a sentence, never resumed into NaN or a crash.
 */

const COUNT = 'a whole number of 0 or more';
const Count = v.pipe(v.number(COUNT), v.safeInteger(COUNT), v.minValue(0, COUNT));
const DURATION = 'a length of time of 0 to 24 hours in milliseconds';
const Duration = v.pipe(
	v.number(DURATION),
	v.finite(DURATION),
	v.minValue(0, DURATION),
	v.maxValue(86_400_000, DURATION)
);
const SECONDS = 'a number of seconds from 0 to 600';
const Seconds = v.pipe(
	v.number(SECONDS),
	v.finite(SECONDS),
	v.minValue(0, SECONDS),
	v.maxValue(600, SECONDS)
);

const StepSchema = v.looseObject({
	index: Count,
	kind: v.picklist(STEP_KINDS),
	exerciseId: IdSchema,
	side: v.picklist(['left', 'right', 'both']),
	set: Count,
	sets: Count,
	level: Count,
	movementId: v.optional(IdSchema),
	position: v.optional(v.picklist(POSITIONS)),
	fromPosition: v.optional(v.picklist(POSITIONS)),
	durationMs: Duration,
	reps: v.optional(
		v.looseObject({
			count: Count,
			tempo: v.looseObject({ up: Seconds, hold: Seconds, down: Seconds })
		})
	),
	range: v.optional(
		v.looseObject({ value: v.pipe(v.number(), v.finite()), unit: v.string(), label: v.string() })
	),
	nextExerciseId: v.optional(IdSchema)
});

const Session = {
	steps: v.pipe(v.array(StepSchema), v.minLength(1, 'at least one step')),
	startedAt: TimeSchema,
	outcomes: v.record(
		v.pipe(v.string(), v.regex(/^\d+$/)),
		v.picklist(['completed', 'skipped', 'stopped'])
	),
	tooMuchSteps: v.array(Count),
	pausedMs: Duration
};

const KeptStateSchema = v.variant('status', [
	v.looseObject({
		status: v.literal('running'),
		...Session,
		index: Count,
		stepStartedAt: TimeSchema,
		deadline: TimeSchema
	}),
	v.looseObject({
		status: v.literal('paused'),
		...Session,
		index: Count,
		remainingMs: Duration,
		pausedAt: TimeSchema
	}),
	v.looseObject({
		status: v.literal('too-much'),
		...Session,
		index: Count,
		pausedAt: TimeSchema
	}),
	v.looseObject({
		status: v.literal('done'),
		...Session,
		endedAt: TimeSchema,
		endedEarly: v.boolean(),
		stoppedForPain: v.boolean(),
		endedAtStep: Count
	})
]);

export type KeptRoutine =
	{ ok: true; state: PlayerState; savedAt: number } | { ok: false; problem: string };

function refuse(problem: string): KeptRoutine {
	return { ok: false, problem };
}

/** What the schema cannot see: steps and positions that do not fit together. */
function consistencyProblem(
	state: Exclude<PlayerState, { status: 'ready' }>,
	exercises: ReadonlyMap<string, Exercise>
): string | undefined {
	const steps: readonly Step[] = state.steps;
	if (steps.some((step, index) => step.index !== index)) return 'its steps are out of order';
	if (steps.at(-1)?.kind !== 'done') return 'its list of steps has no end';
	const unknown = steps.find((step) => !exercises.has(step.exerciseId));
	if (unknown) return `it names an exercise this app does not have (“${unknown.exerciseId}”)`;
	const index = state.status === 'done' ? state.endedAtStep : state.index;
	if (index >= steps.length) return 'it points past its last step';
	if (state.status === 'running' && state.deadline < state.stepStartedAt)
		return 'its step ends before it started';
	if (state.status === 'paused' && state.remainingMs > (steps[index]?.durationMs ?? 0))
		return 'more time is left in its step than the step lasts';
	if (state.status === 'done' && state.endedAt < state.startedAt)
		return 'it ended before it started';
	return undefined;
}

/**
 * The kept routine `saved` (as read from storage, of any shape) when it can be resumed or
 * recorded; otherwise the reason, in words that follow "It cannot be resumed: ".
 */
export function readKeptRoutine(
	saved: unknown,
	exercises: ReadonlyMap<string, Exercise>
): KeptRoutine {
	if (typeof saved !== 'object' || saved === null) return refuse('nothing readable was kept');
	const { version, savedAt, state } = saved as Record<string, unknown>;
	if (version !== PLAYER_STATE_VERSION)
		return refuse('it was kept by a different version of the app');
	const time = v.safeParse(TimeSchema, savedAt);
	if (!time.success) return refuse('the time it was kept is missing or damaged');
	const parsed = v.safeParse(KeptStateSchema, state);
	if (!parsed.success) return refuse('part of it is missing or damaged');
	const kept = parsed.output as Exclude<PlayerState, { status: 'ready' }>;
	const problem = consistencyProblem(kept, exercises);
	return problem ? refuse(problem) : { ok: true, state: kept, savedAt: time.output };
}

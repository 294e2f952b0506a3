import type { Exercise, Routine, Tempo } from '../content/definitions';
import type { Prescription } from '../progression/dose';
import type { SessionRecord, Side } from '../records/history';
import { changePositionSeconds, type Position } from '../content/positions';

/**
 * A routine unrolled into the steps the player walks through, each with its own duration. Pure
 * data, so a running player can be stored as JSON and resumed.
 */

export const STEP_KINDS = [
	'prepare',
	'change-position',
	'work',
	'switch-side',
	'rest',
	'done'
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
	/** Position in the list of steps. */
	index: number;
	kind: StepKind;
	/**
	 * The exercise the step belongs to. A rest after an exercise belongs to the exercise just done
	 * (nextExerciseId names the one coming); the final done step to the last exercise.
	 */
	exerciseId: string;
	/**
	 * The side being worked. A switch-side step carries the side to switch to; a rest after an
	 * exercise the side just done.
	 */
	side: Side;
	/** 1-based set of this side; on a rest between sets, the set that comes next. */
	set: number;
	sets: number;
	/** The ladder level the exercise is done at on this side. */
	level: number;
	/** The movement of a warm-up made of several movements. */
	movementId?: string;
	/**
	 * Where the body is in this step; on a change of position (or a rest that is also one), where
	 * it is going.
	 */
	position?: Position;
	/** On a change of position, or a rest taken while changing position: where the body comes from. */
	fromPosition?: Position;
	durationMs: number;
	/**
	 * Work of a rep-based exercise: how many repetitions, at which tempo (seconds per phase). A
	 * paced movement of a warm-up is counted the same way, one movement a repetition.
	 */
	reps?: { count: number; tempo: Tempo };
	/** Today's target range, where the exercise has one. */
	range?: Prescription['range'];
	/**
	 * On a rest between exercises: the exercise that comes next. When the next exercise starts in
	 * another position, the rest is also the change of position (fromPosition, position).
	 */
	nextExerciseId?: string;
}

export interface Dose {
	level: number;
	prescription: Prescription;
}

/** The longest rest between two sets of one side: a breather, not a full rest between exercises. */
export const SET_REST_MAX_SECONDS = 15;

const ms = (seconds: number) => Math.round(seconds * 1000);

/** How often an exercise has to be done before its set-up is familiar and get ready is shorter. */
export const FAMILIAR_AFTER_TIMES = 3;
/** Reading the set-up on the floor, a metre away, while moving into it: slow words a second. */
export const SETUP_WORDS_PER_SECOND = 2;
/** However long the set-up, get ready never runs longer than this. */
export const PREPARE_MAX_SECONDS = 60;

function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Get ready lasts until the set-up is readable: the first few times an exercise is done, long
 * enough to read every set-up step slowly; once it is familiar, the routine's (or the person's)
 * shorter time.
 */
export function prepareSecondsFor(
	exercise: Exercise,
	familiarSeconds: number,
	timesDone: number
): number {
	if (timesDone >= FAMILIAR_AFTER_TIMES) return familiarSeconds;
	const words = exercise.setup.reduce((sum, line) => sum + wordCount(line), 0);
	const reading = Math.min(PREPARE_MAX_SECONDS, Math.ceil(words / SETUP_WORDS_PER_SECOND));
	return Math.max(familiarSeconds, reading);
}

/** How many sessions each exercise has been part of, for how long get ready lasts. */
export function timesDoneByExercise(sessions: readonly SessionRecord[]): Map<string, number> {
	const times = new Map<string, number>();
	for (const session of sessions) {
		for (const exerciseId of new Set(session.results.map((r) => r.exerciseId))) {
			times.set(exerciseId, (times.get(exerciseId) ?? 0) + 1);
		}
	}
	return times;
}

export interface ExpandOptions {
	/** Sessions each exercise has been part of; an exercise not named is new. */
	timesDone?: ReadonlyMap<string, number>;
}

/** A warm-up movement with a pace is counted in movements: so many in the hold time. */
function pacedMovement(paceSeconds: number, holdSeconds: number): Step['reps'] {
	const count = Math.max(1, Math.round(holdSeconds / paceSeconds));
	return { count, tempo: { up: paceSeconds / 2, hold: 0, down: paceSeconds / 2 } };
}

/** The tempo of one repetition: the hold dial, when there is one, replaces the tempo's hold. */
function repTempo(exercise: Exercise, prescription: Prescription): Tempo | undefined {
	if (exercise.work.kind !== 'reps') return undefined;
	const { up, down } = exercise.work.tempo;
	return { up, hold: prescription.holdSeconds, down };
}

function sidesOf(exercise: Exercise): Side[] {
	return exercise.sides === 'per-side' ? ['left', 'right'] : ['both'];
}

type Draft = Omit<Step, 'index'>;

/**
 * Expands a routine into steps: for each exercise a prepare step, then per side and set the work
 * (one step per movement for a warm-up made of movements), a short rest between sets, a switch
 * between the left and right side, a rest before the next exercise (the item's restAfter, or the routine's rest), and a final done
 * step.
 * Wherever the position changes (from the back onto all fours, from the floor to standing), a
 * change-position step comes first, long enough to do it slowly; after a rest, the rest is that
 * step (as long as the longer of the two). A new exercise's reading time shortens the rest
 * before it, since the rest already shows its set-up.
 * Transitional steps of zero seconds are left out: there is nothing to show or say in them.
 *
 * Throws when the routine names an exercise that is not given: validated content never does.
 */
export function expandRoutine(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	doses: (exerciseId: string, side: Side) => Dose,
	options: ExpandOptions = {}
): Step[] {
	const drafts: Draft[] = [];
	const addTransition = (draft: Draft) => {
		if (draft.durationMs > 0) drafts.push(draft);
	};
	/** Where the body is after the steps so far; unknown until an exercise names a position. */
	let where: Position | undefined;
	const moveTo = (position: Position | undefined, draft: Omit<Draft, 'kind' | 'durationMs'>) => {
		if (!position) return;
		if (where && where !== position) {
			drafts.push({
				...draft,
				kind: 'change-position',
				durationMs: ms(changePositionSeconds(where, position)),
				fromPosition: where,
				position
			});
		}
		where = position;
	};

	routine.items.forEach((item, itemIndex) => {
		const exercise = exercises.get(item.exercise);
		if (!exercise) {
			throw new Error(
				`The routine "${routine.id}" names the exercise "${item.exercise}", which is not among the exercises given`
			);
		}
		const perSide = sidesOf(exercise).map((side) => ({ side, dose: doses(exercise.id, side) }));
		const at = (side: Side, dose: Dose, set: number, sets: number) => ({
			exerciseId: exercise.id,
			side,
			set,
			sets,
			level: dose.level,
			...(dose.prescription.range ? { range: dose.prescription.range } : {})
		});
		const setsOf = (dose: Dose) => Math.max(1, Math.round(dose.prescription.sets));

		const first = perSide[0]!;
		const firstMovement = exercise.movements?.[0];
		const startAt = firstMovement?.position ?? exercise.position;
		moveTo(startAt, {
			...at(first.side, first.dose, 1, setsOf(first.dose)),
			...(firstMovement ? { movementId: firstMovement.id } : {})
		});
		addTransition({
			kind: 'prepare',
			durationMs: ms(
				prepareSecondsFor(
					exercise,
					routine.prepareSeconds,
					options.timesDone?.get(exercise.id) ?? 0
				)
			),
			...at(first.side, first.dose, 1, setsOf(first.dose)),
			...(startAt ? { position: startAt } : {})
		});

		perSide.forEach(({ side, dose }, sideIndex) => {
			const sets = setsOf(dose);
			if (sideIndex > 0) {
				addTransition({
					kind: 'switch-side',
					durationMs: ms(routine.switchSideSeconds),
					...at(side, dose, 1, sets)
				});
			}
			const { prescription } = dose;
			const tempo = repTempo(exercise, prescription);
			for (let set = 1; set <= sets; set += 1) {
				if (set > 1) {
					addTransition({
						kind: 'rest',
						durationMs: ms(Math.min(routine.restSeconds, SET_REST_MAX_SECONDS)),
						...at(side, dose, set, sets)
					});
				}
				if (tempo) {
					const count = Math.max(1, Math.round(prescription.reps));
					drafts.push({
						kind: 'work',
						durationMs: ms(count * (tempo.up + tempo.hold + tempo.down)),
						reps: { count, tempo },
						...at(side, dose, set, sets)
					});
				} else if (exercise.movements) {
					for (const movement of exercise.movements) {
						const position = movement.position ?? exercise.position;
						moveTo(position, { movementId: movement.id, ...at(side, dose, set, sets) });
						const paced = movement.paceSeconds
							? pacedMovement(movement.paceSeconds, prescription.holdSeconds)
							: undefined;
						drafts.push({
							kind: 'work',
							movementId: movement.id,
							durationMs: paced
								? ms(paced.count * (paced.tempo.up + paced.tempo.down))
								: ms(prescription.holdSeconds),
							...(paced ? { reps: paced } : {}),
							...(position ? { position } : {}),
							...at(side, dose, set, sets)
						});
					}
				} else {
					drafts.push({
						kind: 'work',
						durationMs: ms(prescription.holdSeconds),
						...at(side, dose, set, sets)
					});
				}
			}
		});

		const last = perSide[perSide.length - 1]!;
		const lastSets = setsOf(last.dose);
		const next = routine.items[itemIndex + 1];
		const nextExercise = next && exercises.get(next.exercise);
		if (next && nextExercise) {
			const after = at(last.side, last.dose, lastSets, lastSets);
			// The next set-up is shown during the rest, so a new exercise's longer get ready (its
			// reading time) is rest too: the rest is shortened by it, never below the move's time.
			const reading =
				prepareSecondsFor(
					nextExercise,
					routine.prepareSeconds,
					options.timesDone?.get(nextExercise.id) ?? 0
				) - routine.prepareSeconds;
			const rest = Math.max(0, (item.restAfter ?? routine.restSeconds) - reading);
			const nextAt = nextExercise.movements?.[0]?.position ?? nextExercise.position;
			if (rest > 0 && where && nextAt && where !== nextAt) {
				// A rest and a change of position between the same two exercises are one step: the
				// rest is taken while moving slowly into the next position, as long as the longer.
				drafts.push({
					kind: 'rest',
					durationMs: ms(Math.max(rest, changePositionSeconds(where, nextAt))),
					nextExerciseId: next.exercise,
					fromPosition: where,
					position: nextAt,
					...after
				});
				where = nextAt;
			} else {
				addTransition({
					kind: 'rest',
					durationMs: ms(rest),
					nextExerciseId: next.exercise,
					...after
				});
			}
		} else if (next) {
			// Validated content never gets here; the next item throws with its own message.
		} else {
			drafts.push({ kind: 'done', durationMs: 0, ...at(last.side, last.dose, lastSets, lastSets) });
		}
	});

	return drafts.map((draft, index) => ({ index, ...draft }));
}

export type RepPhase = 'up' | 'hold' | 'down';

export interface RepProgress {
	/** 1-based repetition being done. */
	rep: number;
	of: number;
	phase: RepPhase;
	phaseRemainingMs: number;
}

/**
 * Where a rep-based work step stands after `elapsedMs` of it, counted at the exercise's tempo.
 * Undefined for a step that is not counted in repetitions.
 */
export function repProgress(step: Step, elapsedMs: number): RepProgress | undefined {
	if (!step.reps) return undefined;
	const { count, tempo } = step.reps;
	const phases: [RepPhase, number][] = [
		['up', ms(tempo.up)],
		['hold', ms(tempo.hold)],
		['down', ms(tempo.down)]
	];
	const repMs = Math.max(
		1,
		phases.reduce((sum, [, length]) => sum + length, 0)
	);
	const clamped = Math.max(0, Math.min(count * repMs, elapsedMs));
	const rep = Math.min(count, Math.floor(clamped / repMs) + 1);
	let within = clamped - (rep - 1) * repMs;
	for (const [phase, length] of phases) {
		if (within < length) return { rep, of: count, phase, phaseRemainingMs: length - within };
		within -= length;
	}
	return { rep, of: count, phase: 'down', phaseRemainingMs: 0 };
}

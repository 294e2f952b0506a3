import type { Exercise, Routine, Tempo } from './definitions';
import type { Prescription } from './dose';
import type { Side } from './history';

/**
 * A routine unrolled into the steps the player walks through, each with its own duration. Pure
 * data, so a running player can be stored as JSON and resumed.
 */

export type StepKind = 'prepare' | 'work' | 'switch-side' | 'rest' | 'done';

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
	durationMs: number;
	/** Work of a rep-based exercise: how many repetitions, at which tempo (seconds per phase). */
	reps?: { count: number; tempo: Tempo };
	/** Today's target range, where the exercise has one. */
	range?: Prescription['range'];
	/** On a rest between exercises: the exercise that comes next. */
	nextExerciseId?: string;
}

export interface Dose {
	level: number;
	prescription: Prescription;
}

/** The longest rest between two sets of one side: a breather, not a full rest between exercises. */
export const SET_REST_MAX_SECONDS = 15;

const ms = (seconds: number) => Math.round(seconds * 1000);

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
 * between the left and right side, a rest before the next exercise, and a final done step.
 * Transitional steps of zero seconds are left out: there is nothing to show or say in them.
 *
 * Throws when the routine names an exercise that is not given: validated content never does.
 */
export function expandRoutine(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	doses: (exerciseId: string, side: Side) => Dose
): Step[] {
	const drafts: Draft[] = [];
	const addTransition = (draft: Draft) => {
		if (draft.durationMs > 0) drafts.push(draft);
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
		addTransition({
			kind: 'prepare',
			durationMs: ms(routine.prepareSeconds),
			...at(first.side, first.dose, 1, setsOf(first.dose))
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
						drafts.push({
							kind: 'work',
							movementId: movement.id,
							durationMs: ms(prescription.holdSeconds),
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
		if (next) {
			addTransition({
				kind: 'rest',
				durationMs: ms(item.restAfter ?? routine.restSeconds),
				nextExerciseId: next.exercise,
				...at(last.side, last.dose, lastSets, lastSets)
			});
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

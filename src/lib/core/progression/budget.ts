import type { Exercise, Routine } from '../content/definitions';
import { SET_REST_SECONDS, prescription, workSeconds, type LadderOptions } from './dose';
import type { Side } from '../records/history';
import { FAMILIAR_AFTER_TIMES, expandRoutine, type ExpandOptions } from '../player/player-steps';
import { ladderKey, routineExercises, sidesOf } from './session-days';

/**
 * The time budget: the person chooses how long the whole routine
 * may take, and progression never makes it longer. The routine's fixed time (getting ready,
 * switching sides, rests between exercises) is measured as the player runs it; the room left
 * above the starting work is shared among the stretches' and strength work's sides in proportion
 * to their starting work (the warm-up keeps its starting time), and each side's share caps its
 * ladder (see dose.ts). The shares add up to the budget, so the whole routine fits once its
 * set-ups are familiar; while they are new, progression.ts holds back steps that would not fit
 * with the reading time.
 */

export const BUDGET_MINUTES = [10, 15, 20, 30] as const;
export type BudgetMinutes = (typeof BUDGET_MINUTES)[number];
export const DEFAULT_BUDGET_MINUTES: BudgetMinutes = 10;

export function isBudgetMinutes(value: unknown): value is BudgetMinutes {
	return BUDGET_MINUTES.includes(value as BudgetMinutes);
}

/**
 * Seconds the routine takes as the player runs it, at the given levels. `expand` says how often
 * each exercise was done before: the first few times, get ready gives time to read the set-up.
 */
export function routineSeconds(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	levelOf: (exerciseId: string, side: Side) => number,
	options: (exerciseId: string, side: Side) => LadderOptions = () => ({}),
	expand: ExpandOptions = {}
): number {
	const steps = expandRoutine(
		routine,
		exercises,
		(id, side) => {
			const level = levelOf(id, side);
			return { level, prescription: prescription(exercises.get(id)!, level, options(id, side)) };
		},
		expand
	);
	return steps.reduce((sum, step) => sum + step.durationMs, 0) / 1000;
}

export interface Budget {
	minutes: number;
	/** The ladder options (the cap) of each exercise side, by ladderKey. */
	caps: Map<string, LadderOptions>;
	/** The starting doses alone take longer than the budget: these exercises should be left out. */
	leaveOut: string[];
}

/** What one side adds to the routine: its work and the rests between its sets. */
function sideCost(exercise: Exercise, level: number, options: LadderOptions = {}): number {
	const sets = prescription(exercise, level, options).sets;
	return workSeconds(exercise, level, options) + (sets - 1) * SET_REST_SECONDS;
}

const budgets = new WeakMap<Routine, WeakMap<ReadonlyMap<string, Exercise>, Map<number, Budget>>>();

/** The budget's caps for a routine; computed once per routine, exercises and minutes. */
export function budgetFor(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	minutes: number
): Budget {
	let byExercises = budgets.get(routine);
	if (!byExercises) budgets.set(routine, (byExercises = new WeakMap()));
	let byMinutes = byExercises.get(exercises);
	if (!byMinutes) byExercises.set(exercises, (byMinutes = new Map()));
	let budget = byMinutes.get(minutes);
	if (!budget) byMinutes.set(minutes, (budget = computeBudget(routine, exercises, minutes)));
	return budget;
}

function computeBudget(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	minutes: number
): Budget {
	const included = routineExercises(routine, exercises);
	const sides = included.flatMap((e) => sidesOf(e).map((side) => ({ exercise: e, side })));
	const startCost = (e: Exercise) => sidesOf(e).length * sideCost(e, 0);
	// The budget is for the routine once its set-ups are familiar: the first few sessions also give
	// time to read each set-up (player-steps.ts), which is learning, not dose, and Today says so.
	const familiar = new Map(included.map((e) => [e.id, FAMILIAR_AFTER_TIMES]));
	const atStart = routineSeconds(
		{ ...routine, items: routine.items.filter((i) => exercises.has(i.exercise)) },
		exercises,
		() => 0,
		() => ({}),
		{ timesDone: familiar }
	);
	const work = sides.reduce((sum, { exercise }) => sum + sideCost(exercise, 0), 0);
	const fixed = atStart - work;
	const available = minutes * 60 - fixed;
	const caps = new Map<string, LadderOptions>();
	if (available < work) {
		// Not even the start fits: keep every side at its starting time and name what to leave out,
		// the last exercises of the routine first (the warm-up stays), until the rest fits.
		const leaveOut: string[] = [];
		let total = atStart;
		for (const exercise of [...included].reverse()) {
			if (total <= minutes * 60 || exercise.category === 'warm-up') continue;
			leaveOut.push(exercise.id);
			total -= startCost(exercise) + routine.prepareSeconds + routine.restSeconds;
		}
		for (const { exercise, side } of sides)
			caps.set(ladderKey(exercise.id, side), { capSeconds: sideCost(exercise, 0) });
		return { minutes, caps, leaveOut: leaveOut.reverse() };
	}
	// The warm-up prepares, it does not train: it keeps its starting time, and the room left goes
	// to the stretches and the strength work (unless the warm-up is all there is).
	const grows = sides.some(({ exercise }) => exercise.category !== 'warm-up')
		? ({ exercise }: { exercise: Exercise }) => exercise.category !== 'warm-up'
		: () => true;
	const growing = sides.filter(grows).reduce((sum, { exercise }) => sum + sideCost(exercise, 0), 0);
	const room = available - work;
	for (const { exercise, side } of sides) {
		const start = sideCost(exercise, 0);
		const share = grows({ exercise }) ? start + (room * start) / growing : start;
		// Whole seconds, rounded down, so the shares never add up to more than the budget.
		caps.set(ladderKey(exercise.id, side), { capSeconds: Math.floor(share) });
	}
	return { minutes, caps, leaveOut: [] };
}

import type { Dial, DialKind, Exercise } from '../content/definitions';

/**
 * An exercise's dose is a level on a ladder. Level 0 has every dial at its start; each level
 * above takes one small step (docs/progression.md):
 * - the dials take turns in their priority order, each raised by its own step;
 * - no step adds more than 20 % to the work time of one side (all sets), so a step too big for
 *   the dose it starts from is shortened, and one that cannot be shortened waits;
 * - a new set is added by splitting the work (1 × 12 becomes 2 × 7), never by doubling it, and
 *   only once the repetitions or hold of a set are at their maximum;
 * - a harder variant (plank on knees, then on toes) is a step of its own, taken once the hold is
 *   at its maximum (or the time allowed is used), and the hold starts short again;
 * - an optional cap on the seconds an exercise side may take (work and the rests between its
 *   sets): a step that would pass it is not taken, while steps that add no time (range, variant)
 *   still are. The cap comes from the person's time budget (see budget.ts).
 * Stepping back one level undoes the latest step. The ladder is computed once per exercise and cap.
 */

export interface DialValue {
	kind: DialKind;
	label: string;
	unit: Dial['unit'];
	value: number;
	start: number;
	max: number;
	step: number;
	/** The variant's names, by value, for a variant dial. */
	names?: readonly string[];
}

/** The largest rise of an exercise side's work time in one step. */
export const MAX_STEP_RISE = 0.2;

/** The rest between two sets of one side that the cap counts (the player's longest breather). */
export const SET_REST_SECONDS = 15;

export interface LadderOptions {
	/** Seconds one side may take, work and rests between its sets; no cap when missing. */
	capSeconds?: number;
}

type Values = number[];

function volumeIndex(exercise: Exercise): number {
	const kind = exercise.work.kind === 'reps' ? 'reps' : 'hold';
	return exercise.dials.findIndex((d) => d.kind === kind);
}

function valueOf(exercise: Exercise, values: Values, kind: DialKind): number | undefined {
	const index = exercise.dials.findIndex((d) => d.kind === kind);
	return index < 0 ? undefined : values[index];
}

/** Seconds of work on one side, all sets, at these dial values. */
export function workSecondsOf(exercise: Exercise, values: Values): number {
	const sets = valueOf(exercise, values, 'sets') ?? 1;
	const hold = valueOf(exercise, values, 'hold');
	if (exercise.work.kind === 'reps') {
		const { up, down, hold: tempoHold } = exercise.work.tempo;
		const reps = valueOf(exercise, values, 'reps') ?? 1;
		return sets * reps * (up + (hold ?? tempoHold) + down);
	}
	const movements = exercise.movements?.length ?? 1;
	return sets * movements * (hold ?? 0);
}

/** Work plus the rests between sets: what one side adds to the routine's time. */
function costOf(exercise: Exercise, values: Values): number {
	const sets = valueOf(exercise, values, 'sets') ?? 1;
	return workSecondsOf(exercise, values) + (sets - 1) * SET_REST_SECONDS;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The candidate values after raising one dial, or undefined when it cannot move. */
function raise(
	exercise: Exercise,
	values: Values,
	index: number,
	capped: boolean
): Values | undefined {
	const dials = exercise.dials;
	const dial = dials[index]!;
	const value = values[index]!;
	if (value >= dial.max) return undefined;
	const volume = volumeIndex(exercise);
	const variant = dials.findIndex((d) => d.kind === 'variant');
	const next = [...values];
	const atMax = (i: number) => i < 0 || values[i]! >= dials[i]!.max;
	if (dial.kind === 'variant') {
		// A harder variant once this one's hold is full (or no more time is allowed): the hold
		// and the sets start again from the beginning.
		if (!atMax(volume) && !capped) return undefined;
		next[index] = value + 1;
		dials.forEach((d, i) => {
			if (d.kind === 'hold' || d.kind === 'reps' || d.kind === 'sets') next[i] = d.start;
		});
		return next;
	}
	if (dial.kind === 'sets') {
		// Split, do not double: the work of the sets so far, 20 % more, shared by one more set.
		if (!atMax(volume) || !atMax(variant) || volume < 0) return undefined;
		const sets = value + 1;
		// Whole seconds or repetitions, below the dial's start if need be (2 × 7 from 1 × 12).
		const perSet = Math.floor(((1 + MAX_STEP_RISE) * value * values[volume]!) / sets + 1e-9);
		if (perSet < 1) return undefined;
		next[index] = sets;
		next[volume] = perSet;
		return next;
	}
	const before = workSecondsOf(exercise, values);
	next[index] = round(Math.min(dial.max, value + dial.step));
	// Too big a step for this dose: the largest whole step of the dial's unit that fits.
	while (
		next[index]! > value &&
		workSecondsOf(exercise, next) > before * (1 + MAX_STEP_RISE) + 1e-9
	) {
		next[index] = round(next[index]! - (dial.kind === 'range' ? dial.step : 1));
	}
	return next[index]! > value ? next : undefined;
}

/** Whether a step may be taken: at most 20 % more work, and within the cap if it adds time. */
function allowed(exercise: Exercise, from: Values, to: Values, cap: number): boolean {
	const before = workSecondsOf(exercise, from);
	const after = workSecondsOf(exercise, to);
	if (after > before * (1 + MAX_STEP_RISE) + 1e-9) return false;
	const costBefore = costOf(exercise, from);
	const costAfter = costOf(exercise, to);
	return costAfter <= costBefore + 1e-9 || costAfter <= cap + 1e-9;
}

function buildLadder(exercise: Exercise, cap: number): Values[] {
	const dials = exercise.dials;
	let values: Values = dials.map((d) => d.start);
	const ladder: Values[] = [values];
	let turn = 0;
	// Every step raises some dial or swaps to a harder variant, so the ladder ends; the bound is
	// a guard against a definition that would loop.
	for (let guard = 0; guard < 10_000; guard += 1) {
		let taken: Values | undefined;
		const capped = dials.every((_, i) => {
			const candidate = raise(exercise, values, i, false);
			return !candidate || !allowed(exercise, values, candidate, cap) || dials[i]!.kind === 'range';
		});
		for (let k = 0; k < dials.length && !taken; k += 1) {
			const index = (turn + k) % dials.length;
			const candidate = raise(exercise, values, index, capped);
			if (candidate && allowed(exercise, values, candidate, cap)) {
				taken = candidate;
				turn = index + 1;
			}
		}
		if (!taken) break;
		values = taken;
		ladder.push(values);
	}
	return ladder;
}

const ladders = new WeakMap<Exercise, Map<number, Values[]>>();

/** Every level of an exercise's ladder, as dial values in the dials' order. */
function ladderOf(exercise: Exercise, options: LadderOptions = {}): Values[] {
	const cap = options.capSeconds ?? Number.POSITIVE_INFINITY;
	let byCap = ladders.get(exercise);
	if (!byCap) {
		byCap = new Map();
		ladders.set(exercise, byCap);
	}
	let ladder = byCap.get(cap);
	if (!ladder) {
		ladder = buildLadder(exercise, cap);
		byCap.set(cap, ladder);
	}
	return ladder;
}

/** The highest level of an exercise: no further step can be taken. */
export function topLevel(exercise: Exercise, options: LadderOptions = {}): number {
	return ladderOf(exercise, options).length - 1;
}

export function clampLevel(exercise: Exercise, level: number, options: LadderOptions = {}): number {
	return Math.max(0, Math.min(topLevel(exercise, options), Math.floor(level)));
}

export function dialsAtLevel(
	exercise: Exercise,
	level: number,
	options: LadderOptions = {}
): DialValue[] {
	const values = ladderOf(exercise, options)[clampLevel(exercise, level, options)]!;
	return exercise.dials.map((dial, index) => ({
		kind: dial.kind,
		label: dial.label,
		unit: dial.unit,
		start: dial.start,
		max: dial.max,
		step: dial.step,
		value: values[index]!,
		...(dial.kind === 'variant' ? { names: dial.names } : {})
	}));
}

/** Seconds of work on one side at a level (all sets). */
export function workSeconds(
	exercise: Exercise,
	level: number,
	options: LadderOptions = {}
): number {
	return workSecondsOf(
		exercise,
		ladderOf(exercise, options)[clampLevel(exercise, level, options)]!
	);
}

/** What the player needs to run an exercise at a level. */
export interface Prescription {
	/** Seconds of each hold (hold-based), or the pause at the top of each repetition. */
	holdSeconds: number;
	/** Repetitions per set; 1 for a hold-based exercise. */
	reps: number;
	sets: number;
	/** The target range, where the exercise has one. */
	range?: { value: number; unit: 'deg' | 'cm'; max: number; label: string };
}

export function prescription(
	exercise: Exercise,
	level: number,
	options: LadderOptions = {}
): Prescription {
	const values = dialsAtLevel(exercise, level, options);
	const find = (kind: DialKind) => values.find((d) => d.kind === kind);
	const hold = find('hold');
	const reps = find('reps');
	const sets = find('sets');
	const range = find('range');
	const tempoHold = exercise.work.kind === 'reps' ? exercise.work.tempo.hold : 0;
	return {
		holdSeconds: hold ? hold.value : tempoHold,
		reps: exercise.work.kind === 'reps' && reps ? Math.round(reps.value) : 1,
		sets: sets ? Math.round(sets.value) : 1,
		...(range
			? {
					range: {
						value: range.value,
						unit: range.unit as 'deg' | 'cm',
						max: range.max,
						label: range.label
					}
				}
			: {})
	};
}

const UNIT_WORDS: Record<Dial['unit'], (n: number) => string> = {
	deg: (n) => `${n}°`,
	cm: (n) => `${n} cm`,
	s: (n) => `${n} s`,
	// Counts are shown with their dial's own label ("lifts × 5"), so the number stands alone.
	reps: (n) => `${n}`,
	sets: (n) => `${n}`,
	// A variant is named by its dial (describeDial); alone it is its place in the order.
	variant: (n) => `${n + 1}`
};

export function formatAmount(unit: Dial['unit'], value: number): string {
	return UNIT_WORDS[unit](value);
}

/** "+2°", "−5 s", "+1". */
export function formatDelta(unit: Dial['unit'], delta: number): string {
	const sign = delta >= 0 ? '+' : '−';
	return `${sign}${formatAmount(unit, Math.round(Math.abs(delta) * 100) / 100)}`;
}

/** "turn 15°", "hold 15 s", "lifts × 5", "position: on your toes" */
export function describeDial(dial: Pick<DialValue, 'label' | 'unit' | 'value' | 'names'>): string {
	const name = dial.names?.[dial.value];
	if (name !== undefined) return `${dial.label}: ${name}`;
	const counted = dial.unit === 'reps' || dial.unit === 'sets';
	return `${dial.label}${counted ? ' ×' : ''} ${formatAmount(dial.unit, dial.value)}`;
}

/** "turn 15°, hold 15 s, rounds × 1" */
export function describeDials(dials: readonly DialValue[]): string {
	return dials.map(describeDial).join(', ');
}

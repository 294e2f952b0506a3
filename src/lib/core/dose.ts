import type { Dial, DialKind, Exercise } from './definitions';

/**
 * An exercise's dose is a level on a ladder. Level 0 has every dial at its start; each level
 * above raises one dial by one step, taking the dials in their priority order in turn and
 * skipping those already at their maximum (sets come last, see stepCounts). Stepping back one
 * level undoes the latest step.
 */

export interface DialValue {
	kind: DialKind;
	label: string;
	unit: Dial['unit'];
	value: number;
	start: number;
	max: number;
	step: number;
}

function stepsOf(dial: Dial): number {
	return dial.max === dial.start ? 0 : Math.ceil((dial.max - dial.start) / dial.step - 1e-9);
}

function valueAfter(dial: Dial, steps: number): number {
	const raw = dial.start + steps * dial.step;
	return Math.min(dial.max, Math.round(raw * 100) / 100);
}

/** The highest level of an exercise: every dial at its maximum. */
export function topLevel(dials: readonly Dial[]): number {
	return dials.reduce((sum, dial) => sum + stepsOf(dial), 0);
}

export function clampLevel(dials: readonly Dial[], level: number): number {
	return Math.max(0, Math.min(topLevel(dials), Math.floor(level)));
}

/**
 * Steps taken by each dial to reach a level: round robin in priority order. A set doubles the
 * work in one go, so sets are only added once every other dial is at its maximum.
 */
function stepCounts(dials: readonly Dial[], level: number): number[] {
	const counts = dials.map(() => 0);
	let remaining = clampLevel(dials, level);
	for (const round of [
		dials.filter((d) => d.kind !== 'sets'),
		dials.filter((d) => d.kind === 'sets')
	]) {
		let turn = 0;
		while (remaining > 0 && round.some((d) => counts[dials.indexOf(d)]! < stepsOf(d))) {
			const dial = round[turn % round.length]!;
			const index = dials.indexOf(dial);
			turn += 1;
			if (counts[index]! < stepsOf(dial)) {
				counts[index]! += 1;
				remaining -= 1;
			}
		}
	}
	return counts;
}

export function dialsAtLevel(dials: readonly Dial[], level: number): DialValue[] {
	const counts = stepCounts(dials, level);
	return dials.map((dial, index) => ({
		kind: dial.kind,
		label: dial.label,
		unit: dial.unit,
		start: dial.start,
		max: dial.max,
		step: dial.step,
		value: valueAfter(dial, counts[index]!)
	}));
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

export function prescription(exercise: Exercise, level: number): Prescription {
	const values = dialsAtLevel(exercise.dials, level);
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
	sets: (n) => `${n}`
};

export function formatAmount(unit: Dial['unit'], value: number): string {
	return UNIT_WORDS[unit](value);
}

/** "+2°", "−5 s", "+1". */
export function formatDelta(unit: Dial['unit'], delta: number): string {
	const sign = delta >= 0 ? '+' : '−';
	return `${sign}${formatAmount(unit, Math.round(Math.abs(delta) * 100) / 100)}`;
}

/** "turn 15°", "hold 15 s", "lifts × 5" */
export function describeDial(dial: Pick<DialValue, 'label' | 'unit' | 'value'>): string {
	const counted = dial.unit === 'reps' || dial.unit === 'sets';
	return `${dial.label}${counted ? ' ×' : ''} ${formatAmount(dial.unit, dial.value)}`;
}

/** "turn 15°, hold 15 s, rounds × 1" */
export function describeDials(dials: readonly DialValue[]): string {
	return dials.map(describeDial).join(', ');
}

import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { ExerciseSchema, type Exercise } from '../../src/lib/core/content/definitions';
import {
	describeDials,
	dialsAtLevel,
	prescription,
	topLevel,
	workSeconds
} from '../../src/lib/core/progression/dose';
import { twist, bridge } from './fixtures/definitions';

const pose = { root: { x: 0, y: 40, angle: 90 }, joints: {} };

function holdExercise(dials: unknown[], extra: Record<string, unknown> = {}): Exercise {
	return v.parse(ExerciseSchema, {
		id: 'stretch',
		name: 'Stretch',
		purpose: 'A test stretch.',
		category: 'mobility',
		greenSessions: 1,
		startingPosition: 'Sitting.',
		setup: ['Sit.'],
		cues: ['Breathe.'],
		safety: ['Stop if it hurts.'],
		sides: 'per-side',
		work: { kind: 'hold' },
		dials,
		animation: { view: 'side', start: pose, end: pose },
		...extra
	});
}

const stretch = holdExercise([
	{ kind: 'range', label: 'turn', unit: 'deg', start: 15, step: 1, max: 17 },
	{ kind: 'hold', label: 'hold', unit: 's', start: 15, step: 3, max: 21 },
	{ kind: 'sets', label: 'rounds', unit: 'sets', start: 1, step: 1, max: 2 }
]);

const valuesAt = (exercise: Exercise, level: number, capSeconds?: number) =>
	dialsAtLevel(exercise, level, capSeconds === undefined ? {} : { capSeconds }).map((d) => d.value);

const ladder = (exercise: Exercise, capSeconds?: number) =>
	Array.from(
		{ length: topLevel(exercise, capSeconds === undefined ? {} : { capSeconds }) + 1 },
		(_, level) => valuesAt(exercise, level, capSeconds)
	);

test('level 0 is every dial at its start', () => {
	expect(valuesAt(stretch, 0)).toEqual([15, 15, 1]);
});

test('each level raises one dial by one step, taking turns in priority order', () => {
	expect(valuesAt(stretch, 1)).toEqual([16, 15, 1]);
	expect(valuesAt(stretch, 2)).toEqual([16, 18, 1]);
	expect(valuesAt(stretch, 3)).toEqual([17, 18, 1]);
	expect(valuesAt(stretch, 4)).toEqual([17, 21, 1]);
});

test('a second round splits the work rather than doubling it, once the hold is full', () => {
	// 1 × 21 s becomes 2 × 12 s (24 s: a seventh more), not 2 × 21 s.
	expect(valuesAt(stretch, 5)).toEqual([17, 12, 2]);
	expect(valuesAt(stretch, 99)).toEqual(valuesAt(stretch, topLevel(stretch)));
});

test('no step adds more than 20 % to the work time of a side, all sets', () => {
	for (const exercise of [stretch, twist, bridge]) {
		for (let level = 1; level <= topLevel(exercise); level++) {
			expect(workSeconds(exercise, level)).toBeLessThanOrEqual(
				workSeconds(exercise, level - 1) * 1.2 + 1e-9
			);
		}
	}
});

test('a step too big for the dose is cut to a fifth more, and never overshoots the maximum', () => {
	// The fixture twist holds 15 s with 5 s steps: 15 → 18 (a fifth), then on by 5 s or less.
	const holds = ladder(twist).map((values) => values[1]);
	expect(holds.slice(0, 4)).toEqual([15, 15, 18, 18]);
	expect(Math.max(...holds.map((h) => h ?? 0))).toBe(30);
});

test('1 × 12 repetitions becomes 2 × 7', () => {
	const reps = v.parse(ExerciseSchema, {
		...bridge,
		dials: [
			{ kind: 'reps', label: 'lifts', unit: 'reps', start: 10, step: 1, max: 12 },
			{ kind: 'sets', label: 'sets', unit: 'sets', start: 1, step: 1, max: 2 }
		]
	});
	expect(ladder(reps)).toEqual([
		[10, 1],
		[11, 1],
		[12, 1],
		[7, 2],
		[8, 2],
		[9, 2],
		[10, 2],
		[11, 2],
		[12, 2]
	]);
});

describe('a harder variant', () => {
	const plank = holdExercise(
		[
			{ kind: 'hold', label: 'hold', unit: 's', start: 10, step: 2, max: 14 },
			{
				kind: 'variant',
				label: 'position',
				unit: 'variant',
				names: ['on your knees', 'on your toes'],
				start: 0,
				step: 1,
				max: 1
			}
		],
		{ category: 'strength', greenSessions: 2, sides: 'both' }
	);

	test('is a step of its own once the hold is full, and the hold starts short again', () => {
		expect(ladder(plank)).toEqual([
			[10, 0],
			[12, 0],
			[14, 0],
			[10, 1],
			[12, 1],
			[14, 1]
		]);
	});

	test('is named in words', () => {
		expect(describeDials(dialsAtLevel(plank, 3))).toBe('hold 10 s, position: on your toes');
	});

	test('is taken when the time allowed stops the hold growing', () => {
		expect(ladder(plank, 12)).toEqual([
			[10, 0],
			[12, 0],
			[10, 1],
			[12, 1]
		]);
	});
});

test('a time cap stops the time growing but not the range', () => {
	// 15 s allowed: the hold stays at 15 s while the turn still grows.
	expect(ladder(stretch, 15)).toEqual([
		[15, 15, 1],
		[16, 15, 1],
		[17, 15, 1]
	]);
});

test('a prescription reads hold, reps, sets and range from the dials', () => {
	expect(prescription(twist, 1)).toEqual({
		holdSeconds: 15,
		reps: 1,
		sets: 1,
		range: { value: 12, unit: 'deg', max: 20, label: 'twist' }
	});
	// A rep exercise without a hold dial pauses for its tempo's hold.
	expect(prescription(bridge, 2)).toEqual({ holdSeconds: 1, reps: 7, sets: 1 });
});

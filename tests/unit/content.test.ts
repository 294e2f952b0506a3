import { describe, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import type { Exercise } from '../../src/lib/core/content/definitions.ts';

const DEFAULT_ROUTINE_ID = 'daily';
import type { AnimationDefinition } from '../../src/lib/core/content/pose-schema.ts';
import { clearance, jointProblems, solvePose, targetPose } from '../../src/lib/animation/pose.ts';

const content = loadRoutesData('routes-data');
const EXERCISE_IDS = [
	'warm-up',
	'seated-twist',
	'lying-twist',
	'knee-to-chest',
	'hip-bridge',
	'bird-dog',
	'plank'
];

function animationsOf(exercise: Exercise): [string, AnimationDefinition][] {
	return [
		[exercise.id, exercise.animation],
		...(exercise.movements ?? []).map((m): [string, AnimationDefinition] => [
			`${exercise.id}/${m.id}`,
			m.animation
		])
	];
}

const allAnimations = content.exercises.flatMap(animationsOf);

describe('the content in routes-data', () => {
	test('has the seven exercises of the daily routine, each valid', () => {
		expect(content.exercises.map((e) => e.id).sort()).toEqual([...EXERCISE_IDS].sort());
	});

	test('has the default routine: the warm-up, then the six exercises in order', () => {
		const routine = content.routines.find((r) => r.id === DEFAULT_ROUTINE_ID);
		expect(routine).toBeDefined();
		expect(routine!.items.map((i) => i.exercise)).toEqual(EXERCISE_IDS);
	});

	test('the warm-up is three movements: pelvic tilts, cat-cow and marching', () => {
		const warmUp = content.exercises.find((e) => e.id === 'warm-up')!;
		expect(warmUp.category).toBe('warm-up');
		expect(warmUp.movements?.map((m) => m.id)).toEqual(['pelvic-tilt', 'cat-cow', 'marching']);
		expect(warmUp.animation).toEqual(warmUp.movements![0]!.animation);
	});

	test('every exercise tells the person to stop for pain down the leg, numbness or tingling', () => {
		for (const exercise of content.exercises) {
			const safety = exercise.safety.join(' ').toLowerCase();
			expect(safety, exercise.id).toContain('down a leg');
			expect(safety, exercise.id).toContain('numbness');
			expect(safety, exercise.id).toContain('tingling');
		}
	});

	test('steps are small: 1 degree, 1 centimetre, at most 5 seconds, one repetition, set or variant', () => {
		// Every range text in routes-data says "one degree" or "one centimetre" at a time.
		const largest = { deg: 1, cm: 1, s: 5, reps: 1, sets: 1, variant: 1 };
		for (const exercise of content.exercises) {
			for (const dial of exercise.dials) {
				expect(dial.step, `${exercise.id} ${dial.kind}`).toBeLessThanOrEqual(largest[dial.unit]);
			}
		}
	});
});

describe('the poses', () => {
	test.each(allAnimations)(
		'%s bends no joint past its human limits at 0, 50 and 100 percent of range',
		(_, animation) => {
			for (const fraction of [0, 0.5, 1]) {
				expect(jointProblems(targetPose(animation, fraction))).toEqual([]);
			}
		}
	);

	test.each(allAnimations)('%s rests on the floor without sinking into it', (_, animation) => {
		for (const pose of [animation.start, animation.end]) {
			const gap = clearance(solvePose(pose));
			expect(gap).toBeGreaterThan(-4);
			expect(gap).toBeLessThan(4);
		}
	});
});

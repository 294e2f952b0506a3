import { expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { EMPTY_HISTORY } from '../../src/lib/core/records/history.ts';
import { dayPlan } from '../../src/lib/core/progression/progression.ts';
import { badDayPlan } from '../../src/lib/core/progression/gentle-day.ts';

const content = loadRoutesData('routes-data');
const exercises = new Map(content.exercises.map((e) => [e.id, e]));
const routine = content.routines.find((r) => r.id === 'daily')!;

test('a bad day is the warm-up and the gentle stretches, at today’s doses, in the routine’s order', () => {
	const plan = dayPlan({ exercises, routine, history: EMPTY_HISTORY, today: '2026-03-02' });
	const bad = badDayPlan(plan, exercises);
	expect(bad.exercises.map((e) => e.exerciseId)).toEqual([
		'warm-up',
		'seated-twist',
		'lying-twist',
		'knee-to-chest'
	]);
	for (const dose of bad.exercises) {
		expect(dose).toEqual(plan.exercises.find((e) => e.exerciseId === dose.exerciseId));
	}
});

import type { Exercise } from '$lib/core/content/definitions';
import type { Side } from '$lib/core/records/history';
import { sidesOf } from '$lib/core/progression/progression';
import { systemClock } from '$lib/platform/clock';
import { records } from '$lib/app/records.svelte';
import { snapshot } from '$lib/app/snapshot';

/** The level of each side of an exercise, as the person stands today. */
export type SideLevels = Partial<Record<Side, number>>;

/** Every side at its starting dose: what the page shows before (or without) stored history. */
export function startingLevels(exercise: Exercise): SideLevels {
	return Object.fromEntries(sidesOf(exercise).map((side) => [side, 0]));
}

/**
 * Where the person stands on each side of an exercise today, from the same plan the Today page
 * shows; the starting dose when the exercise is not in today's routine or storage cannot be read.
 */
export async function loadDoseLevels(exercise: Exercise): Promise<SideLevels> {
	// Without storage the page still shows the exercise, at its starting dose.
	if (!(await records.load())) return startingLevels(exercise);
	const { plan } = snapshot(records, systemClock.today());
	const dose = plan.exercises.find((e) => e.exerciseId === exercise.id);
	if (!dose) return startingLevels(exercise);
	return Object.fromEntries(dose.sides.map((s) => [s.side, s.level]));
}

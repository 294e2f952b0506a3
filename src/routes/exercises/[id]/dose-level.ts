import type { Exercise } from '$lib/core/definitions';
import type { Side } from '$lib/core/history';
import { sidesOf } from '$lib/core/progression';

/** The level of each side of an exercise, as the person stands today. */
export type SideLevels = Partial<Record<Side, number>>;

/** Every side at its starting dose: what the page shows before (or without) stored history. */
export function startingLevels(exercise: Exercise): SideLevels {
	return Object.fromEntries(sidesOf(exercise).map((side) => [side, 0]));
}

/**
 * Where the person stands on each side of an exercise today.
 * Not wired to storage yet: every side shows its starting dose (level 0). To show the stored dose,
 * read today's plan here (e.g. the `level` of each `SideDose` in the day plan) and return it.
 */
export async function loadDoseLevels(exercise: Exercise): Promise<SideLevels> {
	return startingLevels(exercise);
}

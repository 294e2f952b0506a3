import content from 'virtual:routes-data';
import type { Exercise, Routine } from './core/content/definitions';

/** The routine the app offers unless the person's settings change it. */
export const DEFAULT_ROUTINE_ID = 'daily';

// Only types come from definitions.ts: its schema (and valibot) stays out of the pages' bundles.

/** The validated exercise and routine definitions, bundled at build time. */
export const exercises: readonly Exercise[] = content.exercises;
export const routines: readonly Routine[] = content.routines;

export const exerciseById: ReadonlyMap<string, Exercise> = new Map(exercises.map((e) => [e.id, e]));

export function defaultRoutine(): Routine {
	const routine = routines.find((r) => r.id === DEFAULT_ROUTINE_ID) ?? routines[0];
	if (!routine) throw new Error('No routine is defined in routes-data/routines.');
	return routine;
}

import type { ExerciseResult, SessionRecord, Side } from './history';

/**
 * What a session did, in words, for the history list and the CSV export: which exercises were
 * done, and which were stopped for pain.
 */

export type ExerciseNames = ReadonlyMap<string, string>;

function nameOf(names: ExerciseNames, exerciseId: string): string {
	return names.get(exerciseId) ?? exerciseId;
}

/** The results grouped by exercise, in the order the routine ran them. */
function byExercise(results: readonly ExerciseResult[]): Map<string, ExerciseResult[]> {
	const groups = new Map<string, ExerciseResult[]>();
	for (const result of results) {
		const group = groups.get(result.exerciseId) ?? [];
		group.push(result);
		groups.set(result.exerciseId, group);
	}
	return groups;
}

/** "Seated twist" when every side matched, "Seated twist (left side)" when only some did. */
function withSides(
	name: string,
	all: readonly ExerciseResult[],
	matching: readonly Side[]
): string {
	if (matching.length === all.length || matching.every((side) => side === 'both')) return name;
	return `${name} (${matching.join(' and ')} side)`;
}

function listWhere(
	session: SessionRecord,
	names: ExerciseNames,
	matches: (result: ExerciseResult) => boolean
): string[] {
	const listed: string[] = [];
	for (const [exerciseId, results] of byExercise(session.results)) {
		const sides = results.filter(matches).map((r) => r.side);
		if (sides.length > 0) listed.push(withSides(nameOf(names, exerciseId), results, sides));
	}
	return listed;
}

/** The exercises done in full, with the side where only one side was. */
export function exercisesDone(session: SessionRecord, names: ExerciseNames): string[] {
	return listWhere(session, names, (r) => r.completed);
}

export function exercisesStoppedForPain(session: SessionRecord, names: ExerciseNames): string[] {
	return listWhere(session, names, (r) => r.stoppedForPain);
}

/** The number of exercises the routine prescribed, and how many were done in full. */
export function exerciseCounts(session: SessionRecord): { done: number; prescribed: number } {
	const groups = [...byExercise(session.results).values()];
	return {
		prescribed: groups.length,
		done: groups.filter((results) => results.every((r) => r.completed)).length
	};
}

/** Whole minutes and a tenth, as a person reads a duration: 17.6. */
export function durationMinutes(session: SessionRecord): number {
	return Math.round((session.endedAt - session.startedAt) / 6_000) / 10;
}

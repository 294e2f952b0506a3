import { stepWords } from '../progression/progression-words';
import { describeDials, formatDelta } from '../progression/dose';
import type { ExerciseResult, SessionRecord, Side } from '../records/history';
import type { DayPlan, DoseChange } from '../progression/progression';

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

/** One line of "next time" after a session: an exercise (and side), its next dose, and why. */
export interface NextTimeLine {
	exerciseId: string;
	/** "Seated twist", "Seated twist (left side)", or "Seated twist (each side)". */
	name: string;
	dose: string;
	why: string;
}

/** The move in the words the progression uses: what the body feels first, the number second. */
function movedWords(change: DoseChange): string {
	return change.dials.map(stepWords).join(', ');
}

/**
 * Why the dose next time is what it is, in words for right after a session: about this session
 * and tomorrow, never "yesterday" or "this morning" (there was none). `pain` is the pain given
 * in this session's check-in.
 */
export function nextTimeWhy(change: DoseChange, pain: number | undefined): string {
	const moved = movedWords(change);
	const painNow = pain === undefined ? 'This session' : `${pain}/10 pain in this session`;
	switch (change.reason) {
		case 'low-pain':
		case 'too-easy':
			return moved
				? `${painNow}. If your back feels no worse tomorrow morning: ${moved}`
				: `${painNow}: the same dose next time`;
		case 'moderate-pain':
			return `${painNow}: the same dose next time, until it settles`;
		case 'too-much':
			return 'You marked it too much: the same dose next time';
		case 'too-much-twice':
			return `Too much twice in a row: ${moved || 'the gentlest dose'} next time`;
		case 'not-completed':
			return 'Not finished in this session: the same dose next time';
		case 'advanced-recently':
			return 'It went up today: one step a day at most, so the same dose next time';
		case 'high-pain':
			return `${painNow}: ${moved || 'the gentlest dose'} next time, to let it settle`;
		case 'stopped-for-pain':
			return `Stopped for pain in this session: ${moved || 'the gentlest dose'} next time`;
		case 'too-much-mid-hold':
			return `You said “too much” during it: ${moved || 'the gentlest dose'} next time`;
		case 'red-flag':
			return 'Warning signs were reported: see a clinician before you carry on';
		default:
			if (!/yesterday|this morning|days ago/i.test(change.text)) return change.text;
			if (change.kind === 'advance') return `Next time: ${moved}`;
			if (change.kind === 'step-back') return `${moved || 'The gentlest dose'} next time`;
			return 'The same dose next time';
	}
}

/**
 * Next time's dose of every exercise, one line per exercise when both sides say the same, per
 * side (left first) otherwise.
 */
export function nextTimeLines(
	plan: DayPlan,
	pain: number | undefined,
	/** What a side means, where that is not obvious ("right arm and left leg"). */
	sideMeaning: (exerciseId: string, side: Side) => string | undefined = () => undefined
): NextTimeLine[] {
	return plan.exercises.flatMap((exercise) => {
		const lines = exercise.sides.map((side) => ({
			side: side.side,
			dose: describeDials(side.dials),
			why: nextTimeWhy(side.change, pain)
		}));
		const [first] = lines;
		if (first && lines.every((l) => l.dose === first.dose && l.why === first.why)) {
			const each = lines.length > 1 ? ' (each side)' : '';
			return [
				{
					exerciseId: exercise.exerciseId,
					name: `${exercise.name}${each}`,
					dose: first.dose,
					why: first.why
				}
			];
		}
		const sideOf = (id: string, side: Side) => {
			const meaning = sideMeaning(id, side);
			return meaning ? `: ${meaning}` : '';
		};
		const order: Side[] = ['left', 'right', 'both'];
		return [...lines]
			.sort((a, b) => order.indexOf(a.side) - order.indexOf(b.side))
			.map((l) => ({
				exerciseId: exercise.exerciseId,
				name: `${exercise.name} (${l.side} side${sideOf(exercise.exerciseId, l.side)})`,
				dose: l.dose,
				why: l.why
			}));
	});
}

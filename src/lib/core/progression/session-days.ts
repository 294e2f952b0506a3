import type { Exercise, Routine } from '../content/definitions';
import type { History, LocalDate, MorningAnswer, RedFlag, Side } from '../records/history';
import { checkInRedFlags } from './red-flags';

/**
 * The facts every part of the core reads off the history the same way: what order records come
 * in, which day a check-in belongs to, a day's pain, the morning answer that judges a session,
 * the red flags reported, and which exercises a routine holds. Progression, flare care, the
 * report and the pages all call these, so they cannot disagree.
 */

/** Anything recorded on a calendar day at a moment. */
export interface Dated {
	date: LocalDate;
	at: number;
}

/**
 * Calendar day first, then time: the person's calendar is the truth, so a device clock set back
 * (or a trip across time zones) does not move a record before the day it was made on.
 */
export function byDayThenTime(a: Dated, b: Dated): number {
	return a.date === b.date ? a.at - b.at : a.date < b.date ? -1 : 1;
}

/** A sorted copy, by day then time. */
export function inDayOrder<T extends Dated>(records: readonly T[]): T[] {
	return [...records].sort(byDayThenTime);
}

/** The day each check-in belongs to: its session's day, or its own date if the session is gone. */
export function checkInDays(
	history: History,
	sessions: History['sessions'] = history.sessions
): (checkIn: History['checkIns'][number]) => LocalDate {
	const sessionDay = new Map(sessions.map((s) => [s.id, s.date]));
	return (checkIn) => sessionDay.get(checkIn.sessionId) ?? checkIn.date;
}

/**
 * A day's pain is its highest check-in: every session day that has one, by date (only the days
 * from `from` on, when given).
 */
export function painByDay(history: History, from?: LocalDate): Map<LocalDate, number> {
	// Every session: a check-in given on a later day than its session belongs to the session's day.
	const dayOf = checkInDays(history);
	const pain = new Map<LocalDate, number>();
	for (const checkIn of history.checkIns) {
		const date = dayOf(checkIn);
		if (from !== undefined && date < from) continue;
		pain.set(date, Math.max(pain.get(date) ?? 0, checkIn.pain));
	}
	return pain;
}

/**
 * The morning answer that judges a session day: the first answered on a later day, up to and
 * including `until`. `sorted` is in day order (inDayOrder), so a binary search finds it and years
 * of daily history are not filtered once per session day.
 */
export function morningAfter(
	sorted: readonly MorningAnswer[],
	day: LocalDate,
	until: LocalDate
): MorningAnswer | undefined {
	const first = sorted[firstAfter(sorted, day)];
	return first && first.date <= until ? first : undefined;
}

/** Where the answers on days after `day` begin in `sorted` (its length when there are none). */
export function firstAfter(sorted: readonly MorningAnswer[], day: LocalDate): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]!.date > day) high = middle;
		else low = middle + 1;
	}
	return low;
}

export interface RedFlagAnswer extends Dated {
	/** Asked after a session, or in the morning question. */
	source: 'check-in' | 'morning';
	redFlags: RedFlag[];
}

/**
 * Every answer that could report red flags (check-ins, with high pain counted as one, and
 * morning answers), those reporting none included, in day order.
 */
export function redFlagAnswers(history: History, from?: LocalDate): RedFlagAnswer[] {
	const since = <T extends { date: LocalDate }>(records: readonly T[]) =>
		from === undefined ? records : records.filter((r) => r.date >= from);
	return inDayOrder([
		...since(history.checkIns).map((c) => ({
			date: c.date,
			at: c.at,
			source: 'check-in' as const,
			redFlags: checkInRedFlags(c.pain, c.redFlags)
		})),
		...since(history.mornings).map((m) => ({
			date: m.date,
			at: m.at,
			source: 'morning' as const,
			redFlags: [...m.redFlags]
		}))
	]);
}

/** The exercises a routine holds, in its order; ids with no definition are left out. */
export function routineExercises(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>
): Exercise[] {
	return routine.items
		.map((item) => exercises.get(item.exercise))
		.filter((e): e is Exercise => e !== undefined);
}

/** The sides an exercise is done on: left and right, or both together. */
export function sidesOf(exercise: Exercise): Side[] {
	return exercise.sides === 'per-side' ? ['left', 'right'] : ['both'];
}

/** The key of one exercise side's ladder. */
export function ladderKey(exerciseId: string, side: Side): string {
	return `${exerciseId}:${side}`;
}

import type { LocalDate, MorningAnswer } from '../core/records/history';
import { daysFromTo, type BackcareDB } from './db';
import { byDayThen } from './order';

/** Morning answers, one per day, keyed by the day: answering again replaces the day's answer. */

export const morningOrder = byDayThen((answer: MorningAnswer) => answer.at);

export async function saveMorning(db: BackcareDB, answer: MorningAnswer): Promise<void> {
	await db.put('mornings', answer);
}

export function morningOf(db: BackcareDB, date: LocalDate): Promise<MorningAnswer | undefined> {
	return db.get('mornings', date);
}

/** Every morning answer, by day (the key's order). */
export function listMornings(db: BackcareDB): Promise<MorningAnswer[]> {
	return db.getAll('mornings');
}

/** The morning answers of the days from `from` to `to`, both included, by day. */
export async function listMorningsBetween(
	db: BackcareDB,
	from: LocalDate,
	to: LocalDate
): Promise<MorningAnswer[]> {
	const days = daysFromTo(from, to);
	return days ? db.getAll('mornings', days) : [];
}

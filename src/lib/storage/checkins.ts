import type { CheckIn, LocalDate } from '../core/records/history';
import { daysFromTo, type BackcareDB } from './db';
import { byDayThen } from './order';

/** Check-ins, one per session, keyed by the session's id. */

export const checkInOrder = byDayThen((checkIn: CheckIn) => checkIn.at);

/** Saves a check-in on its own, e.g. one given after the session was recorded. */
export async function saveCheckIn(db: BackcareDB, checkIn: CheckIn): Promise<void> {
	await db.put('checkIns', checkIn);
}

export function checkInOf(db: BackcareDB, sessionId: string): Promise<CheckIn | undefined> {
	return db.get('checkIns', sessionId);
}

/** Every check-in, by day and then by time. */
export async function listCheckIns(db: BackcareDB): Promise<CheckIn[]> {
	return (await db.getAll('checkIns')).sort(checkInOrder);
}

/** The check-ins of the days from `from` to `to`, both included, by day and then by time. */
export async function listCheckInsBetween(
	db: BackcareDB,
	from: LocalDate,
	to: LocalDate
): Promise<CheckIn[]> {
	const days = daysFromTo(from, to);
	if (!days) return [];
	return (await db.getAllFromIndex('checkIns', 'by-date', days)).sort(checkInOrder);
}

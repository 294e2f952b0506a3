import type { CheckIn, LocalDate, SessionRecord } from '../core/records/history';
import { ACTIVE_ROUTINE_KEY, daysFromTo, type BackcareDB } from './db';
import { byDayThen } from './order';
import { writeTogether } from './transaction';

/** Sessions, keyed by id. A day may hold more than one. */

export const sessionOrder = byDayThen((session: SessionRecord) => session.startedAt);

export async function saveSession(db: BackcareDB, session: SessionRecord): Promise<void> {
	await db.put('sessions', session);
}

/** Every session, by day and then by start. */
export async function listSessions(db: BackcareDB): Promise<SessionRecord[]> {
	return (await db.getAll('sessions')).sort(sessionOrder);
}

/** The sessions of the days from `from` to `to`, both included, by day and then by start. */
export async function listSessionsBetween(
	db: BackcareDB,
	from: LocalDate,
	to: LocalDate
): Promise<SessionRecord[]> {
	const days = daysFromTo(from, to);
	if (!days) return [];
	return (await db.getAllFromIndex('sessions', 'by-date', days)).sort(sessionOrder);
}

/** The session started last, if any. */
export async function latestSession(db: BackcareDB): Promise<SessionRecord | undefined> {
	const cursor = await db.transaction('sessions').store.index('by-start').openCursor(null, 'prev');
	return cursor?.value;
}

/**
 * The end of a routine: the session, its check-in when the person gave one, and the routine in
 * progress cleared, together. Should any of it fail, the routine in progress is still there to
 * resume and no session is half recorded.
 */
export async function recordSessionEnd(
	db: BackcareDB,
	session: SessionRecord,
	checkIn?: CheckIn
): Promise<void> {
	if (checkIn && checkIn.sessionId !== session.id) {
		throw new Error(
			`The check-in belongs to session ${checkIn.sessionId}, not to session ${session.id}.`
		);
	}
	await writeTogether(db, ['sessions', 'checkIns', 'activeRoutine'], function* (tx) {
		yield tx.objectStore('sessions').put(session);
		if (checkIn) yield tx.objectStore('checkIns').put(checkIn);
		yield tx.objectStore('activeRoutine').delete(ACTIVE_ROUTINE_KEY);
	});
}

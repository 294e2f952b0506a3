import type { History } from '../core/history';
import { checkInOrder } from './checkins';
import type { BackcareDB } from './db';
import { morningOrder } from './mornings';
import { sessionOrder } from './sessions';

/** All sessions, check-ins and morning answers, each by day and then by time of day. */
export async function loadHistory(db: BackcareDB): Promise<History> {
	// One transaction: a session recorded meanwhile is read with its check-in or not at all.
	const tx = db.transaction(['sessions', 'checkIns', 'mornings']);
	const [sessions, checkIns, mornings] = await Promise.all([
		tx.objectStore('sessions').getAll(),
		tx.objectStore('checkIns').getAll(),
		tx.objectStore('mornings').getAll(),
		tx.done
	]);
	return {
		sessions: sessions.sort(sessionOrder),
		checkIns: checkIns.sort(checkInOrder),
		mornings: mornings.sort(morningOrder)
	};
}

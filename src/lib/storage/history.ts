import type { History } from '../core/records/history';
import { checkInOrder } from './checkins';
import type { BackcareDB } from './db';
import { followUpOrder } from './follow-ups';
import { morningOrder } from './mornings';
import { resetOrder } from './resets';
import { sessionOrder } from './sessions';

/**
 * All sessions, check-ins, morning answers, resets and red-flag follow-ups, each by day and then
 * by time of day. `resets` and `followUps` are always there when read from storage.
 */
export async function loadHistory(db: BackcareDB): Promise<Required<History>> {
	// One transaction: a session recorded meanwhile is read with its check-in or not at all.
	const tx = db.transaction(['sessions', 'checkIns', 'mornings', 'resets', 'followUps']);
	const [sessions, checkIns, mornings, resets, followUps] = await Promise.all([
		tx.objectStore('sessions').getAll(),
		tx.objectStore('checkIns').getAll(),
		tx.objectStore('mornings').getAll(),
		tx.objectStore('resets').getAll(),
		tx.objectStore('followUps').getAll(),
		tx.done
	]);
	return {
		sessions: sessions.sort(sessionOrder),
		checkIns: checkIns.sort(checkInOrder),
		mornings: mornings.sort(morningOrder),
		resets: resets.sort(resetOrder),
		followUps: followUps.sort(followUpOrder)
	};
}

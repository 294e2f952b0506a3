import { records } from '$lib/app/records.svelte';
import { snapshot } from '$lib/app/snapshot';
import type { PlayRecords } from './play-flow.svelte';

/** The player page's records: the app's one owner of stored records. */
export const storedPlayRecords: PlayRecords = {
	load: async (today) =>
		(await records.load())
			? {
					ok: true,
					start: {
						...snapshot(records, today),
						awaitingCheckIn: records.awaitingCheckIn(Date.now())
					}
				}
			: { ok: false, problem: records.problem ?? { kind: 'unreadable', detail: 'unknown' } },
	savedRoutine: () => records.savedRoutine(),
	keepRoutine: (saved) => records.keepRoutine(saved),
	discardRoutine: () => records.discardRoutine(),
	endSession: (session) => records.endSession(session),
	checkIn: (checkIn) => records.checkIn(checkIn),
	setCheckInAside: (sessionId) => records.setCheckInAside(sessionId)
};

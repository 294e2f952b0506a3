import { records } from '$lib/app/records.svelte';
import { snapshot } from '$lib/app/snapshot';
import { nextTask } from '$lib/platform/next-task';
import type { PlayRecords } from './play-flow.svelte';

/** The player page's records: the app's one owner of stored records. */
export const storedPlayRecords: PlayRecords = {
	load: async (today) => {
		if (!(await records.load()))
			return { ok: false, problem: records.problem ?? { kind: 'unreadable', detail: 'unknown' } };
		// Today's plan is the heaviest start-up work: it gets a task to itself, and the player's
		// screen is drawn in the next one, so neither blocks a slow phone for long.
		await nextTask();
		const start = {
			...snapshot(records, today),
			awaitingCheckIn: records.awaitingCheckIn(Date.now())
		};
		await nextTask();
		return { ok: true, start };
	},
	savedRoutine: () => records.savedRoutine(),
	keepRoutine: (saved) => records.keepRoutine(saved),
	discardRoutine: () => records.discardRoutine(),
	endSession: (session) => records.endSession(session),
	checkIn: (checkIn) => records.checkIn(checkIn),
	setCheckInAside: (sessionId) => records.setCheckInAside(sessionId)
};

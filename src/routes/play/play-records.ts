import { database, loadSnapshot } from '$lib/app/database';
import {
	clearActiveRoutine,
	loadActiveRoutine,
	saveActiveRoutine
} from '$lib/storage/active-routine';
import { recordSessionEnd } from '$lib/storage/sessions';
import { saveCheckIn } from '$lib/storage/checkins';
import { PLAYER_STATE_VERSION } from '$lib/core/player-format';
import type { PlayRecords } from './play-flow.svelte';

/** The player page's records, in this device's database. */
export const storedPlayRecords: PlayRecords = {
	load: (today) => loadSnapshot(today),
	savedRoutine: async () => loadActiveRoutine(await database(), PLAYER_STATE_VERSION),
	keepRoutine: async (saved) => saveActiveRoutine(await database(), saved),
	discardRoutine: async () => clearActiveRoutine(await database()),
	endSession: async (session) => recordSessionEnd(await database(), session),
	checkIn: async (checkIn) => saveCheckIn(await database(), checkIn)
};

import { exerciseById, defaultRoutine } from '$lib/content';
import { personalRoutine } from '$lib/core/routine';
import { dayPlan, type DayPlan } from '$lib/core/progression';
import type { Routine } from '$lib/core/definitions';
import type { History, LocalDate } from '$lib/core/history';
import { openBackcareDB, type BackcareDB } from '$lib/storage/db';
import { loadHistory } from '$lib/storage/history';
import { loadSettings } from '$lib/storage/settings';
import type { Settings } from '$lib/core/settings';

let connection: Promise<BackcareDB> | undefined;

/** The one connection to the app's database, opened on first use (in the browser only). */
export function database(): Promise<BackcareDB> {
	connection ??= openBackcareDB().catch((error: unknown) => {
		connection = undefined;
		throw error;
	});
	return connection;
}

export interface Snapshot {
	today: LocalDate;
	history: History;
	settings: Settings;
	routine: Routine;
	plan: DayPlan;
}

/** Everything a page needs to show today's routine, read in one go. */
export async function loadSnapshot(today: LocalDate): Promise<Snapshot> {
	const db = await database();
	const [history, settings] = await Promise.all([loadHistory(db), loadSettings(db)]);
	const routine = personalRoutine(defaultRoutine(), settings);
	const plan = dayPlan({ exercises: exerciseById, routine, history, today });
	return { today, history, settings, routine, plan };
}

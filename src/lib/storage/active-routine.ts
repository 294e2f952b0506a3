import { ACTIVE_ROUTINE_KEY, type BackcareDB } from './db';

/**
 * The routine in progress, so a page that is closed or killed mid-routine resumes where it was.
 * Storage does not know the player's state; it keeps what it is given, tagged with the version of
 * the state's format, and gives it back only to a player that reads that same format.
 */
export interface SavedRoutine<State> {
	/** The format of `state`; bump it whenever the player's state changes shape. */
	version: number;
	savedAt: number;
	/** Plain, structured-cloneable data (a Svelte $state proxy is not: pass a snapshot). */
	state: State;
}

/** Keeps the routine in progress, replacing the one kept before. */
export async function saveActiveRoutine<State>(
	db: BackcareDB,
	routine: SavedRoutine<State>
): Promise<void> {
	await db.put('activeRoutine', routine, ACTIVE_ROUTINE_KEY);
}

/**
 * The routine in progress, when there is one in the format `version`. One saved in another
 * format is left alone and not returned: resuming it could put the player in a state it cannot
 * be in.
 */
export async function loadActiveRoutine<State>(
	db: BackcareDB,
	version: number
): Promise<SavedRoutine<State> | undefined> {
	const saved = await db.get('activeRoutine', ACTIVE_ROUTINE_KEY);
	// The format tag is the promise that `state` has the shape the caller expects.
	return saved?.version === version ? (saved as SavedRoutine<State>) : undefined;
}

export async function clearActiveRoutine(db: BackcareDB): Promise<void> {
	await db.delete('activeRoutine', ACTIVE_ROUTINE_KEY);
}

/** Whether a routine is in progress, whatever the format it was kept in. */
export async function hasActiveRoutine(db: BackcareDB): Promise<boolean> {
	return (await db.count('activeRoutine', ACTIVE_ROUTINE_KEY)) > 0;
}

import type { BudgetMinutes } from '../core/budget';
import { SETTINGS_KEY, type BackcareDB } from './db';

export interface Settings {
	voice: boolean;
	beeps: boolean;
	vibration: boolean;
	/** Rest between exercises, in place of the routine's own rest lengths. */
	restSeconds?: number;
	/** Get ready once an exercise is familiar (it is longer the first few times), in seconds. */
	prepareSeconds?: number;
	/** Time to switch sides, in seconds. */
	switchSideSeconds?: number;
	/** Exercise ids in the order the person prefers, in place of the routine's order. */
	routineOrder?: string[];
	/** Exercise ids the person left out of the routine. */
	droppedExercises?: string[];
	/** How long the whole routine may take, in minutes (10, 15, 20 or 30); 10 when unset. */
	budgetMinutes?: BudgetMinutes;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { voice: true, beeps: true, vibration: true };

/**
 * Storage keeps only what the person chose. Defaults fill in the rest on every read, so a setting
 * added in a later release has its default for everyone who never touched it.
 */
export function withDefaults(chosen: Partial<Settings> | undefined): Settings {
	return { ...DEFAULT_SETTINGS, ...withoutUnset(chosen ?? {}) };
}

function withoutUnset(settings: Partial<Settings>): Partial<Settings> {
	return Object.fromEntries(
		Object.entries(settings).filter(([, value]) => value !== undefined)
	) as Partial<Settings>;
}

export async function loadSettings(db: BackcareDB): Promise<Settings> {
	return withDefaults(await db.get('settings', SETTINGS_KEY));
}

/**
 * Changes some settings and keeps the others, returning them all. A field given as undefined
 * goes back to its default (for `restSeconds`: back to the routine's rests).
 */
export async function updateSettings(db: BackcareDB, change: Partial<Settings>): Promise<Settings> {
	const tx = db.transaction('settings', 'readwrite');
	const chosen = withoutUnset({ ...(await tx.store.get(SETTINGS_KEY)), ...change });
	await Promise.all([tx.store.put(chosen, SETTINGS_KEY), tx.done]);
	return withDefaults(chosen);
}

import { withDefaults, type ChosenSettings, type Settings } from '../core/records/settings';
import { SETTINGS_KEY, type BackcareDB } from './db';

/**
 * The settings record: only what the person chose is stored, and a setting they set back to its
 * default is kept as an explicit `undefined`, so that merging a backup knows they chose it (see
 * mergeRecords). What the settings are is defined in core/records/settings.ts.
 */

export async function loadSettings(db: BackcareDB): Promise<Settings> {
	return withDefaults(await db.get('settings', SETTINGS_KEY));
}

/**
 * Changes some settings and keeps the others, returning them all. A field given as undefined
 * goes back to its default (for `restSeconds`: back to the routine's rests).
 */
export async function updateSettings(
	db: BackcareDB,
	change: Partial<ChosenSettings>
): Promise<Settings> {
	const tx = db.transaction('settings', 'readwrite');
	const chosen: ChosenSettings = { ...(await tx.store.get(SETTINGS_KEY)), ...change };
	await Promise.all([tx.store.put(chosen, SETTINGS_KEY), tx.done]);
	return withDefaults(chosen);
}

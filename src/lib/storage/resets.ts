import type { ProgressionReset } from '../core/records/history';
import type { BackcareDB } from './db';
import { byDayThen } from './order';

/** The days an exercise was started again from the beginning, one record per exercise and day. */

export const resetOrder = byDayThen((reset: ProgressionReset) => reset.at);

/** Starts an exercise again from level 0 on the reset's day; again on the same day replaces it. */
export async function saveReset(db: BackcareDB, reset: ProgressionReset): Promise<void> {
	await db.put('resets', reset);
}

/** Every reset, by day and then by time. */
export async function listResets(db: BackcareDB): Promise<ProgressionReset[]> {
	return (await db.getAll('resets')).sort(resetOrder);
}

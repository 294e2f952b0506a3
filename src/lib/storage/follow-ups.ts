import type { RedFlagFollowUp } from '../core/records/history';
import type { BackcareDB } from './db';
import { byDayThen } from './order';

/**
 * Answers to "have these signs gone?" after red flags stopped the routine: records of their own,
 * keyed by when each was given, so two answers on one day are both kept and neither touches the
 * morning answer.
 */

export const followUpOrder = byDayThen((followUp: RedFlagFollowUp) => followUp.at);

export async function saveFollowUp(db: BackcareDB, followUp: RedFlagFollowUp): Promise<void> {
	await db.put('followUps', followUp);
}

/** Every follow-up, by day and then by time. */
export async function listFollowUps(db: BackcareDB): Promise<RedFlagFollowUp[]> {
	return (await db.getAll('followUps')).sort(followUpOrder);
}

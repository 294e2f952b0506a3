import { URGENT_RED_FLAGS, type RedFlag } from '../records/history';

/**
 * Red flags: the signs that stop the routine and
 * advise seeing a clinician. The one place that says which pain counts as one and which signs are
 * urgent.
 */

/** Pain during a routine at or above this is a red flag of its own. */
export const RED_FLAG_PAIN = 8;

export function isRedFlagPain(pain: number): boolean {
	return pain >= RED_FLAG_PAIN;
}

/** The red flags of a check-in, with "pain 8 or more" added when its pain rating says so. */
export function checkInRedFlags(pain: number, reported: readonly RedFlag[]): RedFlag[] {
	return isRedFlagPain(pain) && !reported.includes('pain-8-plus')
		? [...reported, 'pain-8-plus']
		: [...reported];
}

/** Bladder, bowel or saddle symptoms: care now, not at the next appointment. */
export function isUrgent(redFlags: readonly RedFlag[]): boolean {
	return redFlags.some((f) => URGENT_RED_FLAGS.includes(f));
}

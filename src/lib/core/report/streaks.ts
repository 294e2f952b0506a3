import { addDays, daysBetween } from '../time/calendar';
import type { LocalDate } from '../records/history';

export interface Streaks {
	/**
	 * Days in a row up to today. A streak that reached yesterday is still current: today is not
	 * over, and nobody should see their streak drop to 0 before breakfast.
	 */
	current: number;
	/** The most days in a row ever. */
	longest: number;
	/** The first day of the current streak, when there is one. */
	currentSince?: LocalDate;
}

/**
 * Streaks of days with at least one session. `doneDays` may be in any order and hold repeats;
 * days after `today` (a clock that went back) are left out.
 */
export function streaks(doneDays: Iterable<LocalDate>, today: LocalDate): Streaks {
	const days = [...new Set(doneDays)].filter((day) => day <= today).sort();
	let longest = 0;
	let run = 0;
	let runStart: LocalDate | undefined;
	let previous: LocalDate | undefined;
	for (const day of days) {
		if (previous !== undefined && daysBetween(previous, day) === 1) {
			run += 1;
		} else {
			run = 1;
			runStart = day;
		}
		longest = Math.max(longest, run);
		previous = day;
	}
	const reachesToday = previous === today || previous === addDays(today, -1);
	if (!reachesToday || runStart === undefined) return { current: 0, longest };
	return { current: run, longest, currentSince: runStart };
}

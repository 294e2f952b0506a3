import { localDate } from '$lib/core/time/calendar';
import type { LocalDate } from '$lib/core/records/history';

/** The device clock, the one place the app reads the time; the core gets `now` as an argument. */
export interface Clock {
	now(): number;
	today(): LocalDate;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	today: () => {
		const now = Date.now();
		return localDate(now, new Date(now).getTimezoneOffset());
	}
};

import type { LocalDate } from '../records/history';

/** The local calendar day of a timestamp, given the offset the device reports for it. */
export function localDate(timestamp: number, timezoneOffsetMinutes: number): LocalDate {
	return new Date(timestamp - timezoneOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Days since 1970 of each day seen. The replay of years of history asks for the same few
 * thousand days again and again; the answer never changes, so it is kept.
 */
const dayNumbers = new Map<LocalDate, number>();

function dayNumber(date: LocalDate): number {
	let days = dayNumbers.get(date);
	if (days === undefined) {
		const [y, m, d] = date.split('-').map(Number);
		days = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
		dayNumbers.set(date, days);
	}
	return days;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	return Math.round(dayNumber(to) - dayNumber(from));
}

export function addDays(date: LocalDate, days: number): LocalDate {
	return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The local time of day of a timestamp, "HH:MM", given the device's offset for it. */
export function localTime(timestamp: number, timezoneOffsetMinutes: number): string {
	return new Date(timestamp - timezoneOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

import type { LocalDate } from '$lib/core/records/history';
import type { Month, Weekday } from '$lib/core/time/month';

/**
 * Dates, times and sizes in the person's own language, for the history and settings pages.
 * A LocalDate is already the person's day, so it is formatted as UTC to stay that day.
 */

function utcDay(date: LocalDate): Date {
	return new Date(`${date}T00:00:00Z`);
}

const longDateFormat = new Intl.DateTimeFormat(undefined, {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const mediumDateFormat = new Intl.DateTimeFormat(undefined, {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const monthFormat = new Intl.DateTimeFormat(undefined, {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const shortMonthFormat = new Intl.DateTimeFormat(undefined, {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekdayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });

/** "Tuesday, 3 March 2026" */
export function longDate(date: LocalDate): string {
	return longDateFormat.format(utcDay(date));
}

/** "3 Mar 2026" */
export function mediumDate(date: LocalDate): string {
	return mediumDateFormat.format(utcDay(date));
}

/** "March 2026" */
export function monthName(month: Month): string {
	return monthFormat.format(utcDay(`${month}-01`));
}

/** "Mar 2026", for chart axes. */
export function shortMonth(date: LocalDate): string {
	return shortMonthFormat.format(utcDay(date));
}

/** "07:02", the time of day of a timestamp on this device. */
export function timeOfDay(timestamp: number): string {
	return timeFormat.format(new Date(timestamp));
}

/** The date and time of a timestamp on this device: "3 Mar 2026, 07:02". */
export function dateAndTime(timestamp: number): string {
	const date = new Date(timestamp);
	return `${mediumDateFormat.format(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()))}, ${timeOfDay(timestamp)}`;
}

/** 2026-01-04 was a Sunday: weekday n is that day plus n. */
function someDayOfWeek(weekday: Weekday): Date {
	return new Date(Date.UTC(2026, 0, 4 + weekday));
}

export function weekdayName(weekday: Weekday, length: 'long' | 'short'): string {
	return (length === 'long' ? weekdayLong : weekdayShort).format(someDayOfWeek(weekday));
}

/** The first day of the week where the person lives, when the browser says; Monday otherwise. */
export function firstDayOfWeek(): Weekday {
	try {
		const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
			getWeekInfo?: () => { firstDay: number };
			weekInfo?: { firstDay: number };
		};
		const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
		// Intl counts Monday as 1 and Sunday as 7.
		return firstDay === undefined ? 1 : ((firstDay % 7) as Weekday);
	} catch {
		return 1;
	}
}

/** "1.2 MB", "340 kB" */
export function byteSize(bytes: number): string {
	if (bytes < 1000) return `${bytes} bytes`;
	if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
	if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

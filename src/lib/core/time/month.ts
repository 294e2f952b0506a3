import { addDays } from './calendar';
import type { LocalDate } from '../records/history';

/**
 * The month calendar of the history page as plain data: weeks of seven cells, and the moves of
 * the arrow keys between days.
 */

/** A month of the calendar, "YYYY-MM". */
export type Month = string;

/** 0 is Sunday, 1 is Monday, as Date#getUTCDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DayCell {
	date: LocalDate;
	/** The day number shown in the cell. */
	day: number;
}

/** A week row: seven places, empty (null) before the first and after the last day of the month. */
export type WeekRow = (DayCell | null)[];

export function monthOf(date: LocalDate): Month {
	return date.slice(0, 7);
}

export function firstDayOf(month: Month): LocalDate {
	return `${month}-01`;
}

function yearAndMonth(month: Month): [number, number] {
	const [year, monthNumber] = month.split('-').map(Number);
	return [year ?? 1970, monthNumber ?? 1];
}

export function daysInMonth(month: Month): number {
	const [year, monthNumber] = yearAndMonth(month);
	return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

export function lastDayOf(month: Month): LocalDate {
	return addDays(firstDayOf(month), daysInMonth(month) - 1);
}

export function addMonths(month: Month, months: number): Month {
	const [year, monthNumber] = yearAndMonth(month);
	return new Date(Date.UTC(year, monthNumber - 1 + months, 1)).toISOString().slice(0, 7);
}

export function weekdayOf(date: LocalDate): Weekday {
	return new Date(`${date}T00:00:00Z`).getUTCDay() as Weekday;
}

/** The weeks of a month, each starting on `weekStartsOn`. */
export function monthGrid(month: Month, weekStartsOn: Weekday = 1): WeekRow[] {
	const first = firstDayOf(month);
	const lead = (weekdayOf(first) - weekStartsOn + 7) % 7;
	const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
	const count = daysInMonth(month);
	for (let day = 1; day <= count; day++) cells.push({ date: addDays(first, day - 1), day });
	while (cells.length % 7 !== 0) cells.push(null);
	const weeks: WeekRow[] = [];
	for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
	return weeks;
}

/** The weekdays of a grid's columns, in order. */
export function weekdayColumns(weekStartsOn: Weekday = 1): Weekday[] {
	return Array.from({ length: 7 }, (_, i) => ((weekStartsOn + i) % 7) as Weekday);
}

export type CalendarKey =
	'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where a key moves the focused day, as in the date grids people know: a day sideways, a week up
 * or down, the start or end of the week, a month back or on (keeping the day where the month
 * has it). Undefined for any other key.
 */
export function moveFocus(
	date: LocalDate,
	key: string,
	weekStartsOn: Weekday = 1
): LocalDate | undefined {
	switch (key as CalendarKey) {
		case 'ArrowLeft':
			return addDays(date, -1);
		case 'ArrowRight':
			return addDays(date, 1);
		case 'ArrowUp':
			return addDays(date, -7);
		case 'ArrowDown':
			return addDays(date, 7);
		case 'Home':
			return addDays(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));
		case 'End':
			return addDays(date, 6 - ((weekdayOf(date) - weekStartsOn + 7) % 7));
		case 'PageUp':
			return sameDayIn(addMonths(monthOf(date), -1), date);
		case 'PageDown':
			return sameDayIn(addMonths(monthOf(date), 1), date);
		default:
			return undefined;
	}
}

function sameDayIn(month: Month, date: LocalDate): LocalDate {
	const day = Math.min(Number(date.slice(8, 10)), daysInMonth(month));
	return addDays(firstDayOf(month), day - 1);
}

import type { LocalDate } from '../core/records/history';

/** Records are listed by day, and within a day by the time that `time` reads from them. */
export function byDayThen<Row extends { date: LocalDate }>(
	time: (row: Row) => number
): (a: Row, b: Row) => number {
	return (a, b) => (a.date === b.date ? time(a) - time(b) : a.date < b.date ? -1 : 1);
}

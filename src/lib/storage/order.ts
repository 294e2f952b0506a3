import type { LocalDate } from '../core/records/history';
import { byDayThenTime } from '../core/progression/session-days';

/**
 * Records are listed by day, and within a day by the time that `time` reads from them: the
 * core's one rule of order (byDayThenTime), for stores whose time is not called `at`.
 */
export function byDayThen<Row extends { date: LocalDate }>(
	time: (row: Row) => number
): (a: Row, b: Row) => number {
	return (a, b) => byDayThenTime({ date: a.date, at: time(a) }, { date: b.date, at: time(b) });
}

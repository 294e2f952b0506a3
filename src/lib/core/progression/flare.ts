import type { History, LocalDate } from '../records/history';
import { daysBetween } from '../time/calendar';
import { painByDay } from './session-days';

/**
 * Flare mode: two painful days in a row, no more than three calendar days apart, start it; two
 * comfortable days in
 * a row end it. A day is judged by what the person reported on it: the check-in after a session
 * that day, and the morning answer given that day.
 */

export const FLARE_PAIN = 6;
export const COMFORTABLE_PAIN = 2;

export type DayVerdict = 'painful' | 'comfortable' | 'neutral';

export interface FlarePeriod {
	/** The second painful day in a row. */
	from: LocalDate;
	/** The second comfortable day in a row; open while the flare goes on. */
	to?: LocalDate;
}

/** The verdict of every day with a report, in date order, up to `until` (check-ins before it). */
export function dayVerdicts(
	history: History,
	until: LocalDate,
	from?: LocalDate
): { date: LocalDate; verdict: DayVerdict }[] {
	const days = new Map<LocalDate, { painful: boolean; comfortable: boolean }>();
	const mark = (date: LocalDate, painful: boolean, comfortable: boolean) => {
		const day = days.get(date) ?? { painful: false, comfortable: true };
		days.set(date, {
			painful: day.painful || painful,
			comfortable: day.comfortable && comfortable
		});
	};
	for (const [date, pain] of painByDay(history, from)) {
		if (date >= until) continue;
		mark(date, pain >= FLARE_PAIN, pain <= COMFORTABLE_PAIN);
	}
	for (const morning of history.mornings) {
		if (morning.date > until || (from !== undefined && morning.date < from)) continue;
		mark(morning.date, morning.feeling === 'worse', morning.feeling !== 'worse');
	}
	return [...days.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([date, day]) => ({
			date,
			verdict: day.painful ? 'painful' : day.comfortable ? 'comfortable' : 'neutral'
		}));
}

/** Two painful days start a flare only when they are this close together, in calendar days. */
export const FLARE_WITHIN_DAYS = 3;

/**
 * Where a walk through the days stopped: what the next call over the same history, grown only by
 * records dated on or after `before`, can start from (the simulator's day-by-day use).
 */
export interface FlareCursor {
	before: LocalDate;
	periods: FlarePeriod[];
	previous?: DayVerdict;
	previousDate?: LocalDate;
	open: boolean;
}

export function flarePeriods(
	history: History,
	until: LocalDate,
	cache?: { cursor?: FlareCursor }
): FlarePeriod[] {
	const start = cache?.cursor;
	const periods: FlarePeriod[] = (start?.periods ?? []).map((p) => ({ ...p }));
	let previous = start?.previous;
	let previousDate = start?.previousDate;
	let open: FlarePeriod | undefined = start?.open ? periods.at(-1) : undefined;
	const save = () => {
		if (!cache) return;
		cache.cursor = {
			before: until,
			periods: periods.map((p) => ({ ...p })),
			...(previous ? { previous } : {}),
			...(previousDate ? { previousDate } : {}),
			open: open !== undefined
		};
	};
	let saved = false;
	for (const { date, verdict } of dayVerdicts(history, until, start?.before)) {
		// Days before `until` are settled; `until` itself may still get its check-in.
		if (!saved && date >= until) {
			save();
			saved = true;
		}
		const close =
			previousDate !== undefined && daysBetween(previousDate, date) <= FLARE_WITHIN_DAYS;
		if (!open && verdict === 'painful' && previous === 'painful' && close) {
			open = { from: date };
			periods.push(open);
		} else if (
			open &&
			verdict === 'comfortable' &&
			previous === 'comfortable' &&
			date > open.from
		) {
			open.to = date;
			open = undefined;
		}
		previous = verdict;
		previousDate = date;
	}
	if (!saved) save();
	return periods;
}

/** The flare going on at `date`, if any: started on or before it, and not yet ended by it. */
export function flareAt(periods: readonly FlarePeriod[], date: LocalDate): FlarePeriod | undefined {
	return periods.find((p) => p.from <= date && (p.to === undefined || date < p.to));
}

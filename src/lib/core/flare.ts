import type { History, LocalDate } from './history';

/**
 * Flare mode: two painful days in a row start it; two comfortable days in
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
	until: LocalDate
): { date: LocalDate; verdict: DayVerdict }[] {
	const sessionDay = new Map(history.sessions.map((s) => [s.id, s.date]));
	const days = new Map<LocalDate, { painful: boolean; comfortable: boolean }>();
	const mark = (date: LocalDate, painful: boolean, comfortable: boolean) => {
		const day = days.get(date) ?? { painful: false, comfortable: true };
		days.set(date, {
			painful: day.painful || painful,
			comfortable: day.comfortable && comfortable
		});
	};
	for (const checkIn of history.checkIns) {
		const date = sessionDay.get(checkIn.sessionId) ?? checkIn.date;
		if (date >= until) continue;
		mark(date, checkIn.pain >= FLARE_PAIN, checkIn.pain <= COMFORTABLE_PAIN);
	}
	for (const morning of history.mornings) {
		if (morning.date > until) continue;
		mark(morning.date, morning.feeling === 'worse', morning.feeling !== 'worse');
	}
	return [...days.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([date, day]) => ({
			date,
			verdict: day.painful ? 'painful' : day.comfortable ? 'comfortable' : 'neutral'
		}));
}

export function flarePeriods(history: History, until: LocalDate): FlarePeriod[] {
	const periods: FlarePeriod[] = [];
	let previous: DayVerdict | undefined;
	let open: FlarePeriod | undefined;
	for (const { date, verdict } of dayVerdicts(history, until)) {
		if (!open && verdict === 'painful' && previous === 'painful') {
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
	}
	return periods;
}

/** The flare going on at `date`, if any: started on or before it, and not yet ended by it. */
export function flareAt(periods: readonly FlarePeriod[], date: LocalDate): FlarePeriod | undefined {
	return periods.find((p) => p.from <= date && (p.to === undefined || date < p.to));
}

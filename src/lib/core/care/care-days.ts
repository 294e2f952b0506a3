import type { LocalDate } from '../records/history';

/**
 * Ice and heat applications as kept with the history, and a day's applications in words: what
 * the history calendar and the report need, apart from the timer (ice-heat.ts).
 */

export type CareKind = 'ice' | 'heat';
export const CARE_KINDS: readonly CareKind[] = ['ice', 'heat'];

/** An application done (or stopped early), as kept with the history. */
export interface CareApplication {
	/** The local day it started. */
	date: LocalDate;
	kind: CareKind;
	/** Whole minutes it lasted. */
	minutes: number;
	startedAt: number;
	endedAt: number;
}

/** "2 ice (40 min)", "1 heat (20 min)": a day's applications in a few words. */
export function careDayWords(applications: readonly CareApplication[]): string {
	return CARE_KINDS.flatMap((kind) => {
		const ofKind = applications.filter((a) => a.kind === kind);
		if (ofKind.length === 0) return [];
		const minutes = ofKind.reduce((sum, a) => sum + a.minutes, 0);
		return [`${ofKind.length} ${kind} (${minutes} min)`];
	}).join(', ');
}

export interface CareDay {
	date: LocalDate;
	applications: CareApplication[];
	/** The kinds used that day, ice first. */
	kinds: CareKind[];
	/** careDayWords of the day. */
	words: string;
}

/**
 * The applications of the days from `from` to `to` (both included, every day when left out), a
 * day at a time, in order.
 */
export function careDays(
	applications: readonly CareApplication[],
	from: LocalDate = '0000-01-01',
	to: LocalDate = '9999-12-31'
): CareDay[] {
	const byDay = new Map<LocalDate, CareApplication[]>();
	for (const application of [...applications].sort((a, b) => a.startedAt - b.startedAt)) {
		if (application.date < from || application.date > to) continue;
		const day = byDay.get(application.date) ?? [];
		day.push(application);
		byDay.set(application.date, day);
	}
	return [...byDay.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([date, day]) => ({
			date,
			applications: day,
			kinds: CARE_KINDS.filter((kind) => day.some((a) => a.kind === kind)),
			words: careDayWords(day)
		}));
}

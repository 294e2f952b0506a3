import { addDays, daysBetween, localDate, localTime } from '../time/calendar';
import type { CareApplication, CareKind } from './care-days';
import type { LocalDate } from '../records/history';

export {
	CARE_KINDS,
	careDayWords,
	careDays,
	type CareApplication,
	type CareDay,
	type CareKind
} from './care-days';

/**
 * Ice and heat, the first aid of the source advice, timed: 20-minute applications; ice in the
 * first 72 hours of a spasm (20 minutes on, about 90 off), heat after. Pure like the player: the
 * time left is the deadline minus `now`, so a locked or backgrounded phone loses nothing.
 */

/** One application lasts this long. */
export const APPLICATION_MINUTES = 20;
/** Ice during the first three days (72 hours) of a spasm; heat from then on. */
export const ICE_DAYS = 3;
/** The break between two ice applications. */
export const ICE_BREAK_MINUTES = 90;

const MINUTE = 60_000;

/** An application under way: kept in storage so it survives a reload. */
export interface RunningApplication {
	kind: CareKind;
	startedAt: number;
	/** When it ends; the countdown is `deadline - now`. */
	deadline: number;
}

export function startApplication(
	kind: CareKind,
	now: number,
	minutes = APPLICATION_MINUTES
): RunningApplication {
	return { kind, startedAt: now, deadline: now + minutes * MINUTE };
}

export function remainingMs(running: RunningApplication, now: number): number {
	return Math.max(0, running.deadline - now);
}

export function hasEnded(running: RunningApplication, now: number): boolean {
	return now >= running.deadline;
}

/**
 * The record of an application ended at `now`: at its deadline when that has passed (a page
 * reopened late does not stretch it), earlier when it was stopped. `timezoneOffset` is the
 * device's offset at the start, in minutes as Date#getTimezoneOffset gives it.
 */
export function endApplication(
	running: RunningApplication,
	now: number,
	timezoneOffset: number
): CareApplication {
	const endedAt = Math.max(running.startedAt, Math.min(now, running.deadline));
	return {
		date: localDate(running.startedAt, timezoneOffset),
		kind: running.kind,
		minutes: Math.round((endedAt - running.startedAt) / MINUTE),
		startedAt: running.startedAt,
		endedAt
	};
}

/** When the next ice is due: about 90 minutes after one ended. Heat has no such rhythm. */
export function nextIceAt(application: CareApplication): number | undefined {
	return application.kind === 'ice' ? application.endedAt + ICE_BREAK_MINUTES * MINUTE : undefined;
}

/** The last application before `now` that still has a next one ahead of `now`. */
export function upcomingIce(
	applications: readonly CareApplication[],
	now: number
): { after: CareApplication; at: number } | undefined {
	const last = applications.reduce<CareApplication | undefined>(
		(latest, a) => (latest === undefined || a.endedAt > latest.endedAt ? a : latest),
		undefined
	);
	const at = last && nextIceAt(last);
	return last && at !== undefined && at > now ? { after: last, at } : undefined;
}

/** How long ago the spasm started, as the page asks it: 0 is today, 3 stands for 3 or more. */
export const SPASM_DAYS_AGO = [0, 1, 2, 3] as const;
export type SpasmDaysAgo = (typeof SPASM_DAYS_AGO)[number];

/** The day the spasm started, from the answer given on `today`. */
export function spasmStartDay(daysAgo: SpasmDaysAgo, today: LocalDate): LocalDate {
	return addDays(today, -daysAgo);
}

export interface CareSuggestion {
	kind: CareKind;
	/** Whole days since the spasm started. */
	days: number;
	/** Why, in plain words. */
	why: string;
}

function sinceWords(days: number): string {
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	return `${days} days ago`;
}

/** Ice within the first 72 hours of a spasm, heat after, and why. */
export function suggestCare(spasmStarted: LocalDate, today: LocalDate): CareSuggestion {
	const days = Math.max(0, daysBetween(spasmStarted, today));
	if (days < ICE_DAYS)
		return {
			kind: 'ice',
			days,
			why: `The spasm started ${sinceWords(days)}, within the first 72 hours: ice calms the inflammation and numbs the pain. Use it for 20 minutes, then give the skin about 90 minutes off before the next.`
		};
	return {
		kind: 'heat',
		days,
		why: `The spasm started ${sinceWords(days)}, more than 72 hours ago: now heat relaxes the tight muscles and brings blood to them. Use it for 20 minutes at a time.`
	};
}

export const CARE_WORDS: Readonly<Record<CareKind, string>> = { ice: 'Ice', heat: 'Heat' };

/** The calendar event for the next ice, for oneEventIcs: one per due time, so a re-import updates it. */
export function nextIceEvent(at: number, now: number) {
	// Calendars show whole minutes; 10:50:07 is "10:50" to the person too.
	const start = Math.round(at / MINUTE) * MINUTE;
	return {
		uid: `ice-${start}@backcare.app`,
		start,
		durationMinutes: APPLICATION_MINUTES,
		summary: 'Back care: next ice, 20 minutes',
		description:
			'Time for the next 20 minutes of ice on your back. Keep a cloth between your skin and the ice, and stop if the skin goes numb or very red.',
		now
	};
}

export function nextIceFileName(at: number, timezoneOffset: number): string {
	const time = localTime(at, timezoneOffset).replace(':', '');
	return `backcare-next-ice-${localDate(at, timezoneOffset)}-${time}.ics`;
}

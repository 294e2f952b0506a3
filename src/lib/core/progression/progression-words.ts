import { daysBetween } from '../time/calendar';
import { describeDials, formatAmount, formatDelta, type DialValue } from './dose';
import type { LocalDate, MorningAnswer, MorningFeeling } from '../records/history';
import type { ChangeKind, ChangeReason, DialStep } from './progression';

/**
 * The words of progression: how each change of dose is explained to the person. The rules that
 * decide the change live in progression.ts; this file only says them.
 */

function whenWords(from: LocalDate, to: LocalDate): string {
	const days = daysBetween(from, to);
	return days === 1 ? 'yesterday' : `last time (${days} days ago)`;
}

function resetWords(on: LocalDate, today: LocalDate): string {
	const days = daysBetween(on, today);
	return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function feelingWords(feeling: MorningFeeling): string {
	return feeling === 'same' ? 'the same' : feeling;
}

const WEEKDAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday'
];

/** "Tuesday": the weekday of a calendar day. */
export function weekdayName(date: LocalDate): string {
	const [y, m, d] = date.split('-').map(Number);
	return WEEKDAY_NAMES[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()]!;
}

function more(count: number, word: string): string {
	return count === 1 ? `one ${word}` : `${count} ${word}`;
}

/**
 * One dial's step in words that lead with what the body feels, the number second:
 * "a little further than last time (about 16°)", "hold a little longer (18 s)".
 */
export function stepWords(step: DialStep): string {
	const up = step.to > step.from;
	const amount = formatAmount(step.unit, step.to);
	const by = Math.round(Math.abs(step.to - step.from) * 100) / 100;
	switch (step.kind) {
		case 'range':
			return up
				? `${step.label} a little further than last time (about ${amount})`
				: `${step.label} not quite as far as last time (about ${amount})`;
		case 'hold':
			return up
				? `${step.label} a little longer (${amount}, ${formatDelta(step.unit, by)})`
				: `${step.label} a little shorter (${amount})`;
		case 'reps':
			return up
				? `${more(by, 'more')} of the ${step.label} (${amount})`
				: `${more(by, 'fewer')} of the ${step.label} (${amount})`;
		case 'sets':
			return up
				? `the same work split into ${amount} ${step.label}, each shorter`
				: `back to ${amount} ${step.label}`;
		case 'variant': {
			const name = step.names?.[step.to] ?? amount;
			return up
				? `${step.label}: now ${name}, starting short again`
				: `${step.label}: back ${name}`;
		}
	}
}

function dialWords(steps: DialStep[]): string {
	return steps.map(stepWords).join(', ');
}

export interface Explained {
	kind: ChangeKind;
	text: string;
}

/** What the words of a change may draw on. */
export interface ExplainContext {
	/** The session day judged, with its pain (the day's highest check-in). */
	day?: { date: LocalDate; pain?: number };
	morning?: MorningAnswer;
	/** The day the change takes effect. */
	today: LocalDate;
	steps: DialStep[];
	after: DialValue[];
	missedWeeks?: number;
	resetOn?: LocalDate;
	/** The time budget, in minutes, and whether it holds this exercise's time back. */
	budgetMinutes?: number;
	capped?: boolean;
	/** Green sessions so far toward the next step, and how many it needs. */
	greens?: number;
	greensNeeded?: number;
}

/** A change in plain words, and whether it starts, advances, holds or steps back. */
export function explain(reason: ChangeReason, context: ExplainContext): Explained {
	const { day, morning, today, steps, after } = context;
	const pain = day?.pain;
	const when = day ? whenWords(day.date, today) : '';
	const moved = steps.length > 0 ? dialWords(steps) : '';
	const painWhen = pain === undefined ? '' : `${pain}/10 pain ${when}`;
	const stepBack = moved ? `: ${moved}` : ': already at the gentlest dose';
	const withinBudget = context.capped
		? ` (your routine keeps to your ${context.budgetMinutes ?? 10} minutes, so range and difficulty grow rather than time)`
		: '';
	switch (reason) {
		case 'first-day':
			return { kind: 'start', text: 'Starting gently, at the beginner’s dose' };
		case 'low-pain':
			return {
				kind: 'advance',
				text: `${painWhen}, and on ${morning ? weekdayName(morning.date) : 'the next'} morning your back felt ${feelingWords(morning?.feeling ?? 'same')}: ${moved}${withinBudget}`
			};
		case 'too-easy':
			return {
				kind: 'advance',
				text: `You marked it too easy with ${painWhen}: ${moved}${withinBudget}`
			};
		case 'building': {
			const needed = context.greensNeeded ?? 2;
			const so = context.greens ?? 1;
			return {
				kind: 'hold',
				text: `${painWhen}, a comfortable session (${so} of ${needed}): strength grows after ${needed} in a row, so the muscles have days to adapt`
			};
		}
		case 'at-budget':
			return {
				kind: 'hold',
				text: `Your routine has reached your ${context.budgetMinutes ?? 10} minutes: this exercise keeps its time (${describeDials(after)}). A longer time in settings lets it grow.`
			};
		case 'learning':
			return {
				kind: 'hold',
				text: `${painWhen}, a comfortable session. While the set-ups are new, reading them takes part of your ${context.budgetMinutes ?? 10} minutes: the time grows once they are familiar`
			};
		case 'session-ended-for-pain':
			return {
				kind: 'hold',
				text: `The routine was ended for pain ${when}: nothing goes up until a session feels fine`
			};
		case 'at-max':
			return { kind: 'hold', text: `At the full dose: ${describeDials(after)}. Keep it steady.` };
		case 'moderate-pain':
			return { kind: 'hold', text: `${painWhen}: staying at the same dose until it settles` };
		case 'too-much':
			return { kind: 'hold', text: `You marked it too much ${when}: staying at the same dose` };
		case 'too-much-twice':
			return { kind: 'step-back', text: `Too much twice in a row${stepBack}` };
		case 'not-completed':
			return { kind: 'hold', text: `Not finished ${when}: same dose again` };
		case 'no-check-in':
			return { kind: 'hold', text: `No check-in ${when}: same dose again` };
		case 'awaiting-morning':
			return {
				kind: 'hold',
				text: `${painWhen}; it goes up only after a night, once you say how your back felt the next morning`
			};
		case 'advanced-recently':
			return { kind: 'hold', text: `Went up ${when}: one step a day at most` };
		case 'high-pain':
			return { kind: 'step-back', text: `${painWhen}${stepBack} to let it settle` };
		case 'stopped-for-pain':
			return { kind: 'step-back', text: `Stopped for pain ${when}${stepBack}` };
		case 'too-much-mid-hold':
			return {
				kind: 'step-back',
				text: `You said “too much” during it ${when}${moved ? `: ${moved} next time` : ': staying at the gentlest dose'}`
			};
		case 'flare':
			return {
				kind: 'hold',
				text: 'Flare care: back to a dose that felt fine, and no increases until two comfortable days'
			};
		case 'morning-worse':
			return {
				kind: 'step-back',
				text: `On ${morning ? weekdayName(morning.date) : 'the next'} morning your back felt worse${stepBack}`
			};
		case 'red-flag':
			return { kind: 'step-back', text: `Warning signs were reported ${when}${stepBack}` };
		case 'break': {
			const weeks = context.missedWeeks ?? 1;
			return {
				kind: 'step-back',
				text: `Welcome back after ${weeks} ${weeks === 1 ? 'week' : 'weeks'} away${stepBack}, to rebuild safely`
			};
		}
		case 'not-done':
			return { kind: 'hold', text: `Not done ${when}: same dose` };
		case 'reset':
			return {
				kind: 'start',
				text: `You started this exercise again from the beginning ${resetWords(context.resetOn ?? today, today)}: ${describeDials(after)}`
			};
	}
}

import { daysBetween } from './calendar';
import { describeDials, formatDelta, type DialValue } from './dose';
import type { LocalDate, MorningAnswer, MorningFeeling } from './history';
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

function dialWords(steps: DialStep[]): string {
	return steps.map((s) => `${s.label} ${formatDelta(s.unit, s.to - s.from)}`).join(', ');
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
}

/** A change in plain words, and whether it starts, advances, holds or steps back. */
export function explain(reason: ChangeReason, context: ExplainContext): Explained {
	const { day, morning, today, steps, after } = context;
	const pain = day?.pain;
	const when = day ? whenWords(day.date, today) : '';
	const moved = steps.length > 0 ? dialWords(steps) : '';
	const painWhen = pain === undefined ? '' : `${pain}/10 pain ${when}`;
	const stepBack = moved ? `: ${moved}` : ': already at the gentlest dose';
	switch (reason) {
		case 'first-day':
			return { kind: 'start', text: 'Starting gently, at the beginner’s dose' };
		case 'low-pain':
			return {
				kind: 'advance',
				text: `${painWhen} and your back felt ${feelingWords(morning?.feeling ?? 'same')} this morning: ${moved}`
			};
		case 'too-easy':
			return { kind: 'advance', text: `You marked it too easy with ${painWhen}: ${moved}` };
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
				text: `${painWhen}; tell us how your back feels this morning before it goes up`
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
			return { kind: 'step-back', text: `Your back felt worse this morning${stepBack}` };
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

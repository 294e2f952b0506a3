import { describe, expect, test } from 'vitest';
import { dayPlan } from '../../src/lib/core/progression/progression';
import { EMPTY_HISTORY } from '../../src/lib/core/records/history';
import { readyPlayer, reduce, type DoneState } from '../../src/lib/core/player/player';
import { awaitingCheckIn, CHECK_IN_OPEN_MS } from '../../src/lib/core/player/check-in-due';
import {
	checkInRecord,
	plannedRoutine,
	sessionRecord
} from '../../src/lib/core/player/session-record';
import { exercises, routine } from './fixtures/definitions';

const today = '2026-03-02';
const plan = () => dayPlan({ exercises, routine, history: EMPTY_HISTORY, today });

/** A routine started at `startedAt` and ended a second later (while setting up), for pain or not. */
function endedAt(startedAt: number, stoppedForPain = false): DoneState {
	const { steps } = plannedRoutine(routine, plan(), exercises);
	const running = reduce(readyPlayer(steps), { type: 'start' }, startedAt);
	return reduce(running, { type: 'finish', stoppedForPain }, startedAt + 1_000) as DoneState;
}

test('plays every exercise of the plan, each side at its dose', () => {
	const { routine: played, steps } = plannedRoutine(routine, plan(), exercises);
	expect(played.items.map((item) => item.exercise)).toEqual(['twist', 'bridge']);
	const work = steps.filter((step) => step.kind === 'work');
	expect(work.map((step) => `${step.exerciseId}:${step.side}`)).toEqual([
		'twist:left',
		'twist:right',
		'bridge:both'
	]);
	expect(work[0]?.range).toMatchObject({ value: 10, unit: 'deg', label: 'twist' });
});

test('during flare care only the exercises of the plan are played', () => {
	const gentle = { ...plan(), exercises: plan().exercises.filter((e) => e.exerciseId === 'twist') };
	const { routine: played, steps } = plannedRoutine(routine, gentle, exercises);
	expect(played.items.map((item) => item.exercise)).toEqual(['twist']);
	expect(steps.some((step) => step.exerciseId === 'bridge')).toBe(false);
});

test('a plan without a dose for a side is refused rather than played at a made-up dose', () => {
	const noDoses = { ...plan(), exercises: plan().exercises.map((e) => ({ ...e, sides: [] })) };
	expect(() => plannedRoutine(routine, noDoses, exercises)).toThrow('No dose for twist (left)');
});

test('a session belongs to the local day it started on, east and west of UTC', () => {
	// 23:30 UTC on 1 March: already 2 March in Berlin (UTC+1), still 1 March in New York (UTC-5).
	const startedAt = Date.UTC(2026, 2, 1, 23, 30);
	expect(sessionRecord(endedAt(startedAt), 'daily', -60).date).toBe('2026-03-02');
	expect(sessionRecord(endedAt(startedAt), 'daily', 300).date).toBe('2026-03-01');
});

test('a session ended for pain records where it hurt and that it ended early', () => {
	const startedAt = Date.UTC(2026, 2, 2, 8);
	const session = sessionRecord(endedAt(startedAt, true), 'daily', 0);
	expect(session).toMatchObject({
		id: `session-${startedAt}`,
		routineId: 'daily',
		startedAt,
		endedAt: startedAt + 1_000,
		endedEarly: true
	});
	expect(session.results[0]).toMatchObject({
		exerciseId: 'twist',
		side: 'left',
		stoppedForPain: true
	});
});

test('a check-in belongs to its session and the session’s day, whenever it is given', () => {
	const session = sessionRecord(endedAt(Date.UTC(2026, 2, 1, 23, 30)), 'daily', -60);
	const answer = { pain: 3, flags: [], redFlags: [] };
	const at = Date.UTC(2026, 2, 2, 9);
	expect(checkInRecord(session, answer, at)).toEqual({
		sessionId: session.id,
		date: '2026-03-02',
		at,
		pain: 3,
		flags: [],
		redFlags: []
	});
});

describe('a check-in not given yet is asked again', () => {
	const ended = Date.UTC(2026, 2, 2, 8, 20);
	const session = {
		...sessionRecord(endedAt(Date.UTC(2026, 2, 2, 8)), 'daily', 0),
		endedAt: ended
	};
	const history = { sessions: [session], checkIns: [] };

	test('after a reload or on reopening, until it is answered', () => {
		expect(awaitingCheckIn(history, undefined, ended + 60_000)).toBe(session);
		const answered = {
			...history,
			checkIns: [checkInRecord(session, { pain: 1, flags: [], redFlags: [] }, ended)]
		};
		expect(awaitingCheckIn(answered, undefined, ended + 60_000)).toBeUndefined();
	});

	test('not once the person set it aside', () => {
		expect(awaitingCheckIn(history, session.id, ended + 60_000)).toBeUndefined();
	});

	test('not after the morning after has passed', () => {
		expect(awaitingCheckIn(history, undefined, ended + CHECK_IN_OPEN_MS - 1)).toBe(session);
		expect(awaitingCheckIn(history, undefined, ended + CHECK_IN_OPEN_MS + 1)).toBeUndefined();
	});

	test('only for the latest session: an older one without a check-in is not asked again', () => {
		const later = { ...session, id: 'session-later', endedAt: ended + 3_600_000 };
		const both = {
			sessions: [session, later],
			checkIns: [checkInRecord(later, { pain: 0, flags: [], redFlags: [] }, later.endedAt)]
		};
		expect(awaitingCheckIn(both, undefined, ended + 7_200_000)).toBeUndefined();
	});
});

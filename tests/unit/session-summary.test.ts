import { describe, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { prescription } from '../../src/lib/core/progression/dose.ts';
import type { CheckIn, History, SessionRecord } from '../../src/lib/core/records/history.ts';
import { expandRoutine, readyPlayer, reduce, results } from '../../src/lib/core/player/player.ts';
import { tomorrowPlan } from '../../src/lib/core/progression/progression.ts';
import { nextTimeLines } from '../../src/lib/core/player/session-summary.ts';

/** The summary right after a session speaks of this session and of tomorrow. */

const content = loadRoutesData('routes-data');
const exercises = new Map(content.exercises.map((e) => [e.id, e]));
const routine = content.routines.find((r) => r.id === 'daily')!;
const T0 = Date.parse('2026-03-02T08:00:00Z');

function firstSession(tooMuchAt?: string): SessionRecord {
	const steps = expandRoutine(routine, exercises, (id) => ({
		level: 0,
		prescription: prescription(exercises.get(id)!, 0)
	}));
	let state = reduce(readyPlayer(steps), { type: 'start' }, T0);
	if (tooMuchAt) {
		const at = steps.find((s) => s.kind === 'work' && s.exerciseId === tooMuchAt)!;
		let when = T0;
		for (const s of steps.slice(0, at.index)) when += s.durationMs;
		state = reduce(state, { type: 'tooMuch' }, when + 1000);
		state = reduce(state, { type: 'choose', choice: 'skip-side' }, when + 2000);
	}
	state = reduce(state, { type: 'tick' }, T0 + 3_600_000);
	if (state.status !== 'done') throw new Error('the routine did not end');
	return {
		id: 'session-1',
		date: '2026-03-02',
		startedAt: T0,
		endedAt: state.endedAt,
		routineId: routine.id,
		results: results(state),
		endedEarly: state.endedEarly
	};
}

function summaryAfter(session: SessionRecord, pain: number) {
	const checkIn: CheckIn = {
		sessionId: session.id,
		date: session.date,
		at: session.endedAt + 60_000,
		pain,
		flags: [],
		redFlags: []
	};
	const history: History = { sessions: [session], checkIns: [checkIn], mornings: [] };
	const plan = tomorrowPlan({ exercises, routine, history, today: session.date });
	return nextTimeLines(plan, pain);
}

describe('next time, right after the first session', () => {
	for (const pain of [0, 2, 4, 7]) {
		test(`never says yesterday or this morning after ${pain}/10 pain`, () => {
			const lines = summaryAfter(firstSession(), pain);
			expect(lines.length).toBeGreaterThan(0);
			for (const line of lines) {
				expect(line.why).not.toMatch(/yesterday|this morning|days ago/i);
			}
		});
	}

	test('low pain speaks of this session and of tomorrow morning', () => {
		const lines = summaryAfter(firstSession(), 2);
		const twist = lines.find((l) => l.exerciseId === 'seated-twist')!;
		expect(twist.why).toMatch(
			/^2\/10 pain in this session\. If your back feels no worse tomorrow morning: /
		);
	});

	test('an exercise whose sides say the same is one line, not one per side', () => {
		const lines = summaryAfter(firstSession(), 2);
		expect(lines.filter((l) => l.exerciseId === 'seated-twist')).toHaveLength(1);
		expect(lines.find((l) => l.exerciseId === 'seated-twist')?.name).toBe(
			'Seated twist (each side)'
		);
	});

	test('sides that differ are listed left first', () => {
		const lines = summaryAfter(firstSession('knee-to-chest'), 1);
		const knee = lines.filter((l) => l.exerciseId === 'knee-to-chest').map((l) => l.name);
		expect(knee).toEqual(['Knee to chest (left side)', 'Knee to chest (right side)']);
		for (const line of lines) expect(line.why).not.toMatch(/yesterday|this morning/i);
	});

	test('a side whose meaning is not obvious says it: bird dog’s left side is the right arm and left leg', () => {
		const session = firstSession('bird-dog');
		const checkIn: CheckIn = {
			sessionId: session.id,
			date: session.date,
			at: session.endedAt + 60_000,
			pain: 1,
			flags: [],
			redFlags: []
		};
		const history: History = { sessions: [session], checkIns: [checkIn], mornings: [] };
		const plan = tomorrowPlan({ exercises, routine, history, today: session.date });
		const lines = nextTimeLines(plan, 1, (id, side) =>
			side === 'both' ? undefined : exercises.get(id)?.sideWords?.[side]
		);
		expect(lines.filter((l) => l.exerciseId === 'bird-dog').map((l) => l.name)).toEqual([
			'Bird dog (left side: right arm and left leg)',
			'Bird dog (right side: left arm and right leg)'
		]);
	});
});

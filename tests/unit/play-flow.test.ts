import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PlayFlow, type PlayRecords } from '../../src/routes/play/play-flow.svelte';
import { dayPlan } from '../../src/lib/core/progression/progression';
import {
	EMPTY_HISTORY,
	type CheckIn,
	type History,
	type SessionRecord
} from '../../src/lib/core/records/history';
import { PLAYER_STATE_VERSION } from '../../src/lib/core/player/saved-routine-version';
import type { PlayerState } from '../../src/lib/core/player/player';
import type { SavedRoutine } from '../../src/lib/storage/active-routine';
import { silentSpeech } from '../../src/lib/platform/speech';
import { silentBeeper } from '../../src/lib/platform/beeper';
import { noHaptics } from '../../src/lib/platform/haptics';
import { readKeptRoutine } from '../../src/lib/core/player/saved-routine';
import { awaitingCheckIn } from '../../src/lib/core/player/check-in-due';
import { exercises, routine } from './fixtures/definitions';

const today = '2026-03-02';

/** Records kept in memory, as the database would keep them; `slow` holds each write until let go. */
function memoryRecords(history: History = EMPTY_HISTORY) {
	const kept = {
		active: undefined as SavedRoutine<unknown> | undefined,
		sessions: [] as SessionRecord[],
		checkIns: [] as CheckIn[],
		writes: [] as string[],
		/** The disk is full: the session and check-in are not stored (they wait, as Records does). */
		full: false,
		/** Keeping the routine's place fails as on a full disk. */
		keepFull: false,
		setAside: undefined as string | undefined
	};
	const records: PlayRecords = {
		load: async (day) => {
			const now = { ...history, sessions: [...history.sessions, ...kept.sessions] };
			const all = { ...now, checkIns: [...history.checkIns, ...kept.checkIns] };
			const awaiting = awaitingCheckIn(all, kept.setAside, Date.now());
			return {
				ok: true,
				start: {
					routine,
					history: all,
					settings: { voice: false, beeps: false, vibration: false },
					plan: dayPlan({ exercises, routine, history: all, today: day }),
					...(awaiting ? { awaitingCheckIn: awaiting } : {})
				}
			};
		},
		savedRoutine: async () => kept.active,
		keepRoutine: async (saved) => {
			if (kept.keepFull) throw new DOMException('The disk is full.', 'QuotaExceededError');
			kept.writes.push(`keep ${saved.savedAt}`);
			kept.active = saved;
		},
		discardRoutine: async () => {
			kept.active = undefined;
		},
		endSession: async (session) => {
			if (kept.full) return false;
			kept.writes.push(`session ${session.id}`);
			kept.sessions.push(session);
			kept.active = undefined;
			return true;
		},
		checkIn: async (checkIn) => {
			if (kept.full) return false;
			kept.checkIns.push(checkIn);
			return true;
		},
		setCheckInAside: async (sessionId) => {
			kept.setAside = sessionId;
		}
	};
	return { records, kept };
}

function flowWith(records: PlayRecords) {
	const calls = { keepStorage: 0, endScreens: 0 };
	const flow = new PlayFlow({
		clock: { now: () => Date.now(), today: () => today },
		timezoneOffset: () => -60,
		exercises,
		records,
		readKept: async (saved) => readKeptRoutine(saved, exercises),
		playerEffects: () => ({
			speech: silentSpeech,
			beeper: silentBeeper,
			haptics: noHaptics,
			wakeLock: { acquire: async () => 'held', release() {} }
		}),
		keepStorage: () => (calls.keepStorage += 1),
		prepareEndScreens: () => (calls.endScreens += 1)
	});
	return { flow, calls };
}

/** Lets pending promises (the writes) settle. */
const settled = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(Date.UTC(2026, 2, 2, 8));
});
afterEach(() => {
	vi.useRealTimers();
});

test('opening starts today’s routine at once when nothing was interrupted', async () => {
	const { flow } = flowWith(memoryRecords().records);
	await flow.open();
	expect(flow.screen.kind).toBe('playing');
	expect(flow.player?.state.status).toBe('running');
	expect(flow.player?.step?.exerciseId).toBe('twist');
	flow.close();
});

test('keeps the running routine once a second so a killed page can resume', async () => {
	const { records, kept } = memoryRecords();
	const { flow } = flowWith(records);
	await flow.open();
	await vi.advanceTimersByTimeAsync(3_000);
	expect(kept.active?.version).toBe(PLAYER_STATE_VERSION);
	expect((kept.active?.state as PlayerState).status).toBe('running');
	expect(kept.writes.length).toBeGreaterThanOrEqual(3);
	flow.close();
});

test('a place that cannot be kept while the routine runs is said, and the note goes once it is kept again', async () => {
	const { records, kept } = memoryRecords();
	const { flow } = flowWith(records);
	await flow.open();
	await vi.advanceTimersByTimeAsync(2_000);
	expect(flow.placeNotKept).toBe(false);

	kept.keepFull = true;
	await vi.advanceTimersByTimeAsync(2_000);
	expect(flow.placeNotKept).toBe(true);
	expect(flow.screen.kind).toBe('playing');

	kept.keepFull = false;
	await vi.advanceTimersByTimeAsync(2_000);
	expect(flow.placeNotKept).toBe(false);
	expect((kept.active?.state as PlayerState).status).toBe('running');
	flow.close();
});

test('the end of a routine is recorded after the last kept state, and the check-in is asked', async () => {
	const { records, kept } = memoryRecords();
	const { flow, calls } = flowWith(records);
	await flow.open();
	await vi.advanceTimersByTimeAsync(1_000);
	flow.askToEnd();
	expect(flow.player?.state.status).toBe('paused');
	flow.endRoutine(false);
	await settled();
	expect(kept.sessions).toHaveLength(1);
	expect(kept.writes.at(-1)).toBe(`session ${kept.sessions[0]?.id}`);
	expect(kept.active).toBeUndefined();
	expect(kept.sessions[0]).toMatchObject({ date: today, endedEarly: true, routineId: 'daily' });
	expect(calls.keepStorage).toBe(1);
	expect(calls.endScreens).toBe(1);
	expect(flow.screen).toMatchObject({ kind: 'check-in' });
	if (flow.screen.kind === 'check-in') {
		expect(flow.screen.exercises.map((e) => e.id)).toEqual(['twist', 'bridge']);
	}
});

test('"keep going" after asking to end goes back to the routine', async () => {
	const { flow } = flowWith(memoryRecords().records);
	await flow.open();
	flow.askToEnd();
	expect(flow.screen.kind).toBe('confirm-end');
	flow.keepGoing();
	expect(flow.screen.kind).toBe('playing');
	flow.close();
});

test('"too much" ends the hold, says which side goes down a step next time, and waits for a choice', async () => {
	const { flow } = flowWith(memoryRecords().records);
	await flow.open();
	await vi.advanceTimersByTimeAsync(11_000);
	expect(flow.player?.step).toMatchObject({ kind: 'work', side: 'left' });
	flow.tooMuch();
	expect(flow.eased).toBe(
		'Stopped early. Next time Seated twist on the left side goes down a step.'
	);
	// It stops and asks: a minute later nothing has moved on.
	expect(flow.player?.state.status).toBe('too-much');
	await vi.advanceTimersByTimeAsync(60_000);
	expect(flow.player?.state.status).toBe('too-much');
	expect(flow.player?.step).toMatchObject({ kind: 'work', side: 'left' });
	flow.choose('skip-side');
	expect(flow.player?.state.status).toBe('running');
	expect(flow.player?.step?.exerciseId).not.toBe('seated-twist');
	flow.close();
});

test('"too much" does nothing while getting ready', async () => {
	const { flow } = flowWith(memoryRecords().records);
	await flow.open();
	flow.tooMuch();
	expect(flow.eased).toBe('');
	expect(flow.player?.step?.kind).toBe('prepare');
	flow.close();
});

test('a routine a closed page left running opens paused at its step, one tap from going on', async () => {
	const first = memoryRecords();
	const before = flowWith(first.records);
	await before.flow.open();
	await vi.advanceTimersByTimeAsync(12_000);
	before.flow.hidden();
	before.flow.player?.stop();
	vi.setSystemTime(Date.now() + 3_600_000);

	const { flow } = flowWith(first.records);
	await flow.open();
	expect(flow.screen.kind).toBe('playing');
	expect(flow.player?.state.status).toBe('paused');
	expect(flow.player?.step).toMatchObject({ kind: 'work', exerciseId: 'twist', side: 'left' });
	// The hour away was not routine time: the hold has 13 of its 15 seconds left.
	expect(flow.player?.remaining).toBe(13_000);
	flow.player?.togglePause();
	expect(flow.player?.state.status).toBe('running');
	flow.close();
});

test('a damaged kept routine is offered for discarding with the reason, never resumed', async () => {
	const memory = memoryRecords();
	memory.kept.active = {
		version: PLAYER_STATE_VERSION,
		savedAt: Date.now(),
		state: { status: 'paused', step: 6, elapsedMs: 41_000 }
	};
	const { flow } = flowWith(memory.records);
	await flow.open();
	expect(flow.screen).toEqual({ kind: 'unusable', problem: 'part of it is missing or damaged' });
	expect(flow.player).toBeUndefined();
	await flow.discard();
	// The damaged state is gone; what is kept now is today's fresh routine.
	expect((memory.kept.active?.state as PlayerState).status).toBe('running');
	expect(flow.screen.kind).toBe('playing');
	expect(flow.player?.step?.kind).toBe('prepare');
	flow.close();
});

test('a routine whose end could not be stored is offered again on reopening, and kept with its check-in', async () => {
	const memory = memoryRecords();
	memory.kept.full = true;
	const before = flowWith(memory.records);
	await before.flow.open();
	before.flow.endRoutine(false);
	await settled();
	// Not stored, but not lost: the check-in is asked, and the end waits in the kept routine.
	expect(before.flow.screen.kind).toBe('check-in');
	expect(memory.kept.sessions).toEqual([]);
	expect((memory.kept.active?.state as PlayerState).status).toBe('done');

	memory.kept.full = false;
	const { flow } = flowWith(memory.records);
	await flow.open();
	expect(flow.screen.kind).toBe('unrecorded');
	await flow.keepUnrecorded();
	expect(memory.kept.sessions).toHaveLength(1);
	expect(flow.screen.kind).toBe('check-in');
	await flow.answer({ pain: 1, flags: [], redFlags: [] });
	expect(memory.kept.checkIns).toEqual([
		expect.objectContaining({ sessionId: memory.kept.sessions[0]?.id })
	]);
});

test('a storage failure on opening shows the problem instead of loading for ever', async () => {
	const memory = memoryRecords();
	memory.records.load = async () => ({ ok: false, problem: { kind: 'newer-version' } });
	const { flow } = flowWith(memory.records);
	await flow.open();
	expect(flow.screen).toEqual({ kind: 'storage-problem', problem: { kind: 'newer-version' } });
});

test('discarding an interrupted routine forgets it and starts today’s afresh', async () => {
	const first = memoryRecords();
	const before = flowWith(first.records);
	await before.flow.open();
	await vi.advanceTimersByTimeAsync(12_000);
	before.flow.close();

	const { flow } = flowWith(first.records);
	await flow.open();
	await flow.discard();
	expect(flow.screen.kind).toBe('playing');
	expect(flow.player?.step?.kind).toBe('prepare');
	flow.close();
});

test('red flags reported last stop the routine before it starts', async () => {
	const history: History = {
		...EMPTY_HISTORY,
		mornings: [{ date: today, at: Date.now() - 1000, feeling: 'worse', redFlags: ['leg-weakness'] }]
	};
	const { flow } = flowWith(memoryRecords(history).records);
	await flow.open();
	expect(flow.screen).toEqual({ kind: 'stopped', redFlags: ['leg-weakness'], urgent: false });
	expect(flow.player).toBeUndefined();
});

/** A routine ended straight away, at its check-in. */
async function atCheckIn() {
	const memory = memoryRecords();
	const { flow } = flowWith(memory.records);
	await flow.open();
	flow.endRoutine(false);
	await settled();
	return { flow, ...memory };
}

test('a check-in with little pain is kept and shows the summary with what changes next time', async () => {
	const { flow, kept } = await atCheckIn();
	await flow.answer({ pain: 1, flags: [], redFlags: [] });
	expect(kept.checkIns).toEqual([
		expect.objectContaining({ sessionId: kept.sessions[0]?.id, date: today, pain: 1 })
	]);
	expect(flow.screen.kind).toBe('summary');
	if (flow.screen.kind !== 'summary') return;
	expect(flow.screen.tomorrow.date).toBe('2026-03-03');
	expect(flow.screen.session.id).toBe(kept.sessions[0]?.id);
});

test('pain of 8/10 at the check-in leads to the red-flag advice, not the summary', async () => {
	const { flow } = await atCheckIn();
	await flow.answer({ pain: 8, flags: [], redFlags: [] });
	expect(flow.screen).toEqual({ kind: 'red-flags', redFlags: ['pain-8-plus'], urgent: false });
});

test('bladder or bowel changes at the check-in are urgent', async () => {
	const { flow } = await atCheckIn();
	await flow.answer({ pain: 2, flags: [], redFlags: ['bladder-or-bowel'] });
	expect(flow.screen).toEqual({ kind: 'red-flags', redFlags: ['bladder-or-bowel'], urgent: true });
});

test('a reload at the check-in asks it again, until it is answered', async () => {
	const { flow: first, records, kept } = await atCheckIn();
	first.close();
	const { flow } = flowWith(records);
	await flow.open();
	expect(flow.screen).toMatchObject({ kind: 'check-in', again: true });
	if (flow.screen.kind === 'check-in') {
		expect(flow.screen.session.id).toBe(kept.sessions[0]?.id);
		expect(flow.screen.exercises.map((e) => e.id)).toEqual(['twist', 'bridge']);
	}
	await flow.answer({ pain: 2, flags: [], redFlags: [] });
	expect(flow.screen.kind).toBe('summary');

	const { flow: later } = flowWith(records);
	await later.open();
	expect(later.screen.kind).toBe('playing');
	later.close();
});

test('"not now" sets the check-in aside for good and starts today’s routine', async () => {
	const { flow: first, records, kept } = await atCheckIn();
	first.close();
	const { flow } = flowWith(records);
	await flow.open();
	await flow.setCheckInAside();
	expect(kept.setAside).toBe(kept.sessions[0]?.id);
	expect(flow.screen.kind).toBe('playing');
	flow.close();

	const { flow: later } = flowWith(records);
	await later.open();
	expect(later.screen.kind).toBe('playing');
	later.close();
});

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { CareSession, type CareEffects } from '../../src/routes/ice-heat/care-session.svelte';
import type { CareApplication, RunningApplication } from '../../src/lib/core/care/ice-heat';
import type { BeepKind } from '../../src/lib/platform/beeper';

const MINUTE = 60_000;
const NINE = Date.UTC(2026, 2, 2, 9);

/** The ice-and-heat page's flow with every effect replaced by a recorder. */
function harness(options: { storeFull?: boolean } = {}) {
	vi.setSystemTime(NINE);
	const spoken: string[] = [];
	const beeps: BeepKind[] = [];
	const kept: RunningApplication[] = [];
	const recorded: (CareApplication | undefined)[] = [];
	const wakeLock = { acquired: 0, released: 0 };
	const effects: CareEffects = {
		clock: { now: () => Date.now(), today: () => '2026-03-02' },
		speech: { speak: (text) => spoken.push(text), cancel() {}, recover() {} },
		beeper: { unlock() {}, beep: (kind) => beeps.push(kind) },
		haptics: { pulse() {} },
		wakeLock: {
			acquire: async () => {
				wakeLock.acquired += 1;
				return 'held';
			},
			release: () => {
				wakeLock.released += 1;
			}
		},
		timezoneOffset: () => 0,
		timeWords: (at) => new Date(at).toISOString().slice(11, 16),
		keep: async (running) => {
			kept.push(running);
		},
		// A full store: the records owner keeps the application waiting, and says so itself.
		record: async (application) => {
			if (options.storeFull) return false;
			recorded.push(application);
			return true;
		}
	};
	const session = new CareSession(effects);
	return {
		session,
		spoken,
		beeps,
		kept,
		recorded,
		wakeLock,
		/** Time passes and the interval ticks, as on a visible page. */
		wait: (ms: number) => vi.advanceTimersByTimeAsync(ms),
		/** Time passes with no tick at all, as on a hidden or frozen page. */
		passWithoutTicks: (ms: number) => vi.setSystemTime(Date.now() + ms)
	};
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

test('starting ice keeps its deadline, keeps the screen awake and says to use a cloth', async () => {
	const h = harness();
	await h.session.start('ice');
	expect(h.kept).toEqual([{ kind: 'ice', startedAt: NINE, deadline: NINE + 20 * MINUTE }]);
	expect(h.wakeLock.acquired).toBe(1);
	expect(h.spoken).toEqual(['20 minutes of ice. Keep a cloth between your skin and the ice.']);
	expect(h.session.remaining).toBe(20 * MINUTE);
	h.session.dispose();
});

test('a hidden page loses no time: it catches up when it returns', async () => {
	const h = harness();
	await h.session.start('ice');
	await h.wait(MINUTE);
	h.passWithoutTicks(10 * MINUTE);
	h.session.returned();
	expect(h.session.remaining).toBe(9 * MINUTE);
	h.session.dispose();
});

test('at its end the beep and the voice cue come once, the screen may sleep, and the next ice is named', async () => {
	const h = harness();
	await h.session.start('ice');
	await h.wait(20 * MINUTE + 2_000);

	expect(h.beeps).toEqual(['done']);
	expect(h.spoken.at(-1)).toBe('Time is up. Take the ice off. The next ice is due at about 10:50.');
	expect(h.spoken).toHaveLength(2);
	expect(h.wakeLock.released).toBe(1);
	expect(h.recorded).toEqual([
		{
			date: '2026-03-02',
			kind: 'ice',
			minutes: 20,
			startedAt: NINE,
			endedAt: NINE + 20 * MINUTE
		}
	]);
	expect(h.session.running).toBeUndefined();
	expect(h.session.upcoming?.at).toBe(NINE + 110 * MINUTE);
});

test('heat ends without naming a next time', async () => {
	const h = harness();
	await h.session.start('heat');
	await h.wait(20 * MINUTE);
	expect(h.spoken.at(-1)).toBe('Time is up. Take the heat off.');
	expect(h.session.upcoming).toBeUndefined();
});

test('reopened after its end, it is kept as 20 minutes with no cue to nobody', async () => {
	const h = harness();
	h.passWithoutTicks(45 * MINUTE);
	await h.session.carryOn({ kind: 'ice', startedAt: NINE, deadline: NINE + 20 * MINUTE });
	expect(h.beeps).toEqual([]);
	expect(h.spoken).toEqual([]);
	expect(h.recorded).toEqual([expect.objectContaining({ minutes: 20 })]);
	expect(h.session.ended?.endedAt).toBe(NINE + 20 * MINUTE);
});

test('reopened before its end, it counts down from its deadline', async () => {
	const h = harness();
	h.passWithoutTicks(5 * MINUTE);
	await h.session.carryOn({ kind: 'ice', startedAt: NINE, deadline: NINE + 20 * MINUTE });
	expect(h.session.remaining).toBe(15 * MINUTE);
	expect(h.recorded).toEqual([]);
	h.session.dispose();
});

test('stopped within the first minute, nothing is kept but the timer is let go', async () => {
	const h = harness();
	await h.session.start('heat');
	await h.wait(20_000);
	await h.session.stopEarly();
	expect(h.recorded).toEqual([undefined]);
	expect(h.session.applications).toEqual([]);
	expect(h.beeps).toEqual([]);
});

test('an application that waits to be stored still counts for today and names the next ice', async () => {
	const h = harness({ storeFull: true });
	await h.session.start('ice');
	await h.wait(20 * MINUTE);
	expect(h.recorded).toEqual([]);
	expect(h.session.applications).toEqual([
		expect.objectContaining({ kind: 'ice', minutes: 20, endedAt: NINE + 20 * MINUTE })
	]);
	expect(h.session.upcoming?.at).toBe(NINE + 110 * MINUTE);
	h.session.dispose();
});

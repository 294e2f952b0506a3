import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PlayerSession, type PlayerEffects } from '../../src/routes/play/player-session.svelte';
import { expandRoutine, readyPlayer, type PlayerState } from '../../src/lib/core/player/player';
import { prescription } from '../../src/lib/core/progression/dose';
import type { BeepKind } from '../../src/lib/platform/beeper';
import type { WakeLockStatus } from '../../src/lib/platform/wake-lock';
import { exercises, routine } from './fixtures/definitions';

/** The browser half of the player with every effect replaced by a recorder. */
function harness(level = 0, wakeLockAnswer: WakeLockStatus = 'held') {
	vi.setSystemTime(Date.UTC(2026, 2, 2, 8));
	const spoken: string[] = [];
	const beeps: BeepKind[] = [];
	const audio = { unlocked: 0, voiceRecovered: 0 };
	const pulses: (number | number[])[] = [];
	const saved: { state: PlayerState; savedAt: number }[] = [];
	const wakeLock = { acquired: 0, released: 0 };
	let finished: PlayerState | undefined;
	const effects: PlayerEffects = {
		clock: { now: () => Date.now(), today: () => '2026-03-02' },
		speech: {
			speak: (text) => spoken.push(text),
			cancel() {},
			recover: () => (audio.voiceRecovered += 1)
		},
		beeper: { unlock: () => (audio.unlocked += 1), beep: (kind) => beeps.push(kind) },
		haptics: { pulse: (pattern) => pulses.push(pattern) },
		wakeLock: {
			acquire: async () => {
				wakeLock.acquired += 1;
				return wakeLockAnswer;
			},
			release: () => {
				wakeLock.released += 1;
			}
		},
		save: (state, savedAt) => saved.push({ state, savedAt }),
		finished: (state) => (finished = state)
	};
	const steps = expandRoutine(routine, exercises, (id) => ({
		level,
		prescription: prescription(exercises.get(id)!, level)
	}));
	const session = new PlayerSession(readyPlayer(steps), exercises, effects);
	/** Time passes and the interval ticks, as on a visible page. */
	const wait = (ms: number) => vi.advanceTimersByTime(ms);
	/** Time passes with no tick at all, as on a hidden or frozen page. */
	const passWithoutTicks = (ms: number) => vi.setSystemTime(Date.now() + ms);
	return {
		passWithoutTicks,
		audio,
		session,
		spoken,
		beeps,
		pulses,
		saved,
		wakeLock,
		wait,
		get finished() {
			return finished;
		}
	};
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

test('starting announces the first exercise, beeps, and keeps the screen awake', async () => {
	const h = harness();
	h.session.begin();
	await Promise.resolve();
	expect(h.session.state.status).toBe('running');
	expect(h.spoken[0]).toBe('Get ready: Seated twist. Sitting tall on a chair.');
	expect(h.beeps).toEqual(['phase']);
	expect(h.wakeLock.acquired).toBe(1);
	expect(h.session.wakeLock).toBe('held');
});

test('a refused wake lock is reported so the page can explain it', async () => {
	const h = harness(0, 'refused');
	h.session.begin();
	await Promise.resolve();
	expect(h.session.wakeLock).toBe('refused');
	expect(h.session.state.status).toBe('running');
});

test('beeps on each of the last three seconds, then on the change of phase', () => {
	const h = harness();
	h.session.begin();
	h.beeps.length = 0;
	h.wait(6_500);
	expect(h.beeps).toEqual([]);
	h.wait(3_000);
	expect(h.beeps).toEqual(['count', 'count', 'count']);
	h.wait(600);
	expect(h.beeps).toEqual(['count', 'count', 'count', 'phase']);
	expect(h.spoken.at(-1)).toBe(
		'Seated twist. Left side. Hold 15 s. Twist only as far as feels easy (about 10°). Breathe out as you turn.'
	);
});

test('a long hold speaks the exercise’s cues while it lasts', () => {
	// Level 2: twist 12°, hold 20 s.
	const h = harness(2);
	h.session.begin();
	h.wait(10_000);
	const before = h.spoken.length;
	h.wait(12_100);
	expect(h.spoken.slice(before)).toEqual(['Breathe out as you turn.']);
});

test('the state is kept at every step change and once a second, not at every tick', () => {
	const h = harness();
	h.session.begin();
	const afterStart = h.saved.length;
	expect(afterStart).toBe(1);
	h.wait(3_000);
	expect(h.saved.length - afterStart).toBe(3);
	expect(h.saved.map((s) => s.state.status)).not.toContain('ready');
});

test('a page that comes back after minutes in the background lands on the right step at once', () => {
	const h = harness();
	h.session.begin();
	// Hidden: the browser runs no interval at all, but time goes on.
	h.passWithoutTicks(10_000 + 15_000 + 2_000);
	h.session.returned();
	expect(h.session.step?.kind).toBe('switch-side');
	expect(h.session.remaining).toBe(3_000);
	expect(h.spoken.at(-1)).toBe(
		'Switch to the right side. Come back to the middle slowly, then get ready for the other side.'
	);
	// The audio context and the voice are taken back when the page returns.
	expect(h.audio.unlocked).toBe(2);
	expect(h.audio.voiceRecovered).toBe(1);
});

test('the end of the routine releases the wake lock and reports the finished state once', () => {
	const h = harness();
	h.session.begin();
	h.session.dispatch({ type: 'finish', stoppedForPain: false });
	expect(h.finished?.status).toBe('done');
	expect(h.wakeLock.released).toBe(1);
	h.session.dispatch({ type: 'tick' });
	expect(h.wakeLock.released).toBe(1);
});

test('pausing speaks nothing new and keeps the time; resuming carries on', () => {
	const h = harness();
	h.session.begin();
	h.wait(4_000);
	h.session.togglePause();
	const spoken = h.spoken.length;
	h.wait(600_000);
	expect(h.session.remaining).toBe(6_000);
	expect(h.spoken.length).toBe(spoken);
	h.session.togglePause();
	h.wait(1_000);
	expect(h.session.remaining).toBe(5_000);
});

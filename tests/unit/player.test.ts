import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import {
	ExerciseSchema,
	RoutineSchema,
	type Exercise,
	type Routine
} from '../../src/lib/core/content/definitions';
import { prescription } from '../../src/lib/core/progression/dose';
import type { Side } from '../../src/lib/core/records/history';
import {
	currentStep,
	elapsedMs,
	enteredStep,
	expandRoutine,
	nextStep,
	readyPlayer,
	reduce,
	remainingMs,
	repProgress,
	results,
	stepElapsedMs,
	tooMuchChoices,
	type PlayerEvent,
	type PlayerState,
	type Step
} from '../../src/lib/core/player/player';

// Fixtures: small, honest definitions (validated by the app's own schema).

const pose = { root: { x: 0, y: 10, angle: 90 }, joints: {} };
const animation = { view: 'side', start: pose, end: pose };

function exercise(fields: Record<string, unknown>): Exercise {
	return v.parse(ExerciseSchema, {
		purpose: 'A gentle test exercise.',
		startingPosition: 'Lying on the back.',
		setup: ['Lie down.', 'Bend the knees.'],
		cues: ['Breathe out.'],
		safety: ['Stop if pain shoots down the leg.'],
		animation,
		...fields
	});
}

const warmUp = exercise({
	id: 'warm-up',
	name: 'Warm-up',
	category: 'warm-up',
	greenSessions: 1,
	sides: 'both',
	work: { kind: 'hold' },
	dials: [{ kind: 'hold', label: 'each movement', unit: 's', start: 20, step: 5, max: 40 }],
	movements: [
		{ id: 'pelvic-tilt', name: 'Pelvic tilt', cue: 'Tilt the pelvis.', animation },
		{ id: 'cat-cow', name: 'Cat-cow', cue: 'Round, then arch.', animation },
		{ id: 'marching', name: 'Marching in place', cue: 'Lift the knees.', animation }
	]
});

const kneeToChest = exercise({
	id: 'knee-to-chest',
	name: 'Knee-to-chest stretch',
	category: 'mobility',
	greenSessions: 1,
	sides: 'per-side',
	work: { kind: 'hold' },
	dials: [
		{ kind: 'hold', label: 'hold', unit: 's', start: 20, step: 2, max: 40 },
		{ kind: 'range', label: 'knee to chest', unit: 'cm', start: 10, step: 1, max: 20 }
	]
});

const bridge = exercise({
	id: 'hip-bridge',
	name: 'Hip bridge',
	category: 'strength',
	greenSessions: 2,
	sides: 'both',
	work: { kind: 'reps', tempo: { up: 2, hold: 1, down: 2 } },
	dials: [
		{ kind: 'reps', label: 'repetitions', unit: 'reps', start: 8, step: 1, max: 15 },
		{ kind: 'hold', label: 'hold at the top', unit: 's', start: 3, step: 1, max: 10 },
		{ kind: 'sets', label: 'sets', unit: 'sets', start: 2, step: 1, max: 3 }
	]
});

const routine: Routine = v.parse(RoutineSchema, {
	id: 'daily',
	name: 'Daily',
	description: 'Warm up, stretch, strengthen.',
	restSeconds: 30,
	prepareSeconds: 10,
	switchSideSeconds: 5,
	items: [
		{ exercise: 'warm-up' },
		{ exercise: 'knee-to-chest', restAfter: 20 },
		{ exercise: 'hip-bridge' }
	]
});

const exercises = new Map([warmUp, kneeToChest, bridge].map((e) => [e.id, e]));

/** The left knee-to-chest is a level ahead of the right. */
const levels: Record<string, number> = {
	'warm-up/both': 0,
	'knee-to-chest/left': 1,
	'knee-to-chest/right': 0,
	'hip-bridge/both': 0
};

function dose(exerciseId: string, side: Side) {
	const level = levels[`${exerciseId}/${side}`] ?? 0;
	return { level, prescription: prescription(exercises.get(exerciseId)!, level) };
}

const steps = expandRoutine(routine, exercises, dose);
const T0 = 1_700_000_000_000;
const s = (seconds: number) => seconds * 1000;

/**
 * The expanded routine, for reading the tests:
 *  0 prepare warm-up 10 s             | 5 prepare knee-to-chest 10 s | 10 prepare bridge 10 s
 *  1-3 work warm-up movements 20 s each| 6 work left 22 s             | 11 work set 1: 8 × 7 s = 56 s
 *  4 rest 30 s, next knee-to-chest     | 7 switch to right 5 s        | 12 rest 15 s
 *                                      | 8 work right 20 s            | 13 work set 2: 56 s
 *                                      | 9 rest 20 s, next bridge     | 14 done
 */
const STEP_ENDS = [10, 30, 50, 70, 100, 110, 132, 137, 157, 177, 187, 243, 258, 314].map(s);

function play(events: [PlayerEvent, number][], from: PlayerState = readyPlayer(steps)) {
	return events.reduce((state, [event, at]) => reduce(state, event, at), from);
}

const start: PlayerEvent = { type: 'start' };
const pause: PlayerEvent = { type: 'pause' };
const resume: PlayerEvent = { type: 'resume' };
const skip: PlayerEvent = { type: 'skip' };
const back: PlayerEvent = { type: 'back' };
const tick: PlayerEvent = { type: 'tick' };
const tooMuch: PlayerEvent = { type: 'tooMuch' };
const finishForPain: PlayerEvent = { type: 'finish', stoppedForPain: true };
const finishEarly: PlayerEvent = { type: 'finish', stoppedForPain: false };
const allEvents: PlayerEvent[] = [
	start,
	pause,
	resume,
	skip,
	back,
	tick,
	tooMuch,
	finishForPain,
	finishEarly
];

/** A running player at the start of step `index`, reached by ticking at each deadline. */
function runningAt(index: number): PlayerState {
	const state = play([[start, T0]]);
	return index === 0 ? state : reduce(state, tick, T0 + STEP_ENDS[index - 1]!);
}

function expectRunning(state: PlayerState) {
	if (state.status !== 'running') throw new Error(`expected running, got ${state.status}`);
	return state;
}
function expectPaused(state: PlayerState) {
	if (state.status !== 'paused') throw new Error(`expected paused, got ${state.status}`);
	return state;
}
function expectDone(state: PlayerState) {
	if (state.status !== 'done') throw new Error(`expected done, got ${state.status}`);
	return state;
}

describe('expanding a routine into steps', () => {
	const summary = (list: Step[]) =>
		list.map((step) => [step.kind, step.exerciseId, step.side, step.durationMs / 1000]);

	test('the warm-up gets a get-ready step, then one step per movement, each for the hold', () => {
		const warm = steps.filter((step) => step.exerciseId === 'warm-up');
		expect(summary(warm)).toEqual([
			['prepare', 'warm-up', 'both', 10],
			['work', 'warm-up', 'both', 20],
			['work', 'warm-up', 'both', 20],
			['work', 'warm-up', 'both', 20],
			['rest', 'warm-up', 'both', 30]
		]);
		expect(warm.map((step) => step.movementId)).toEqual([
			undefined,
			'pelvic-tilt',
			'cat-cow',
			'marching',
			undefined
		]);
		expect(warm[4]!.nextExerciseId).toBe('knee-to-chest');
	});

	test('a per-side hold is done left then right, each side at its own level, with a switch between', () => {
		const knee = steps.filter((step) => step.exerciseId === 'knee-to-chest');
		expect(summary(knee)).toEqual([
			['prepare', 'knee-to-chest', 'left', 10],
			['work', 'knee-to-chest', 'left', 22],
			['switch-side', 'knee-to-chest', 'right', 5],
			['work', 'knee-to-chest', 'right', 20],
			['rest', 'knee-to-chest', 'right', 20]
		]);
		expect(knee.map((step) => step.level)).toEqual([1, 1, 0, 0, 0]);
		expect(knee[1]!.range).toEqual({ value: 10, unit: 'cm', max: 20, label: 'knee to chest' });
		expect(knee[4]!.nextExerciseId).toBe('hip-bridge');
	});

	test('a rep exercise with two sets lasts reps × tempo per set, the hold dial replacing the tempo hold', () => {
		const bridgeSteps = steps.filter((step) => step.exerciseId === 'hip-bridge');
		expect(summary(bridgeSteps)).toEqual([
			['prepare', 'hip-bridge', 'both', 10],
			['work', 'hip-bridge', 'both', 56],
			['rest', 'hip-bridge', 'both', 15],
			['work', 'hip-bridge', 'both', 56],
			['done', 'hip-bridge', 'both', 0]
		]);
		const work = bridgeSteps[1]!;
		expect(work.reps).toEqual({ count: 8, tempo: { up: 2, hold: 3, down: 2 } });
		expect(bridgeSteps.filter((step) => step.kind === 'work').map((step) => step.set)).toEqual([
			1, 2
		]);
		expect(work.sets).toBe(2);
	});

	test('steps are numbered in order and only the last is done', () => {
		expect(steps.map((step) => step.index)).toEqual(steps.map((_, i) => i));
		expect(steps.filter((step) => step.kind === 'done')).toEqual([steps[steps.length - 1]]);
		expect(STEP_ENDS).toHaveLength(steps.length - 1);
		let end = 0;
		steps.slice(0, -1).forEach((step, i) => {
			end += step.durationMs;
			expect(end).toBe(STEP_ENDS[i]);
		});
	});

	test('a rest of zero seconds is left out rather than flashed on screen', () => {
		const quick = {
			...routine,
			restSeconds: 0,
			items: [{ exercise: 'warm-up' }, { exercise: 'hip-bridge' }]
		};
		const kinds = expandRoutine(quick, exercises, dose).map((step) => step.kind);
		expect(kinds).not.toContain('rest');
	});

	test('a routine naming an unknown exercise is refused with its name', () => {
		const broken = { ...routine, items: [{ exercise: 'cartwheel' }] };
		expect(() => expandRoutine(broken, exercises, dose)).toThrow(/cartwheel/);
	});
});

describe('starting, pausing and resuming', () => {
	test('before the start the player shows the first step with its full time', () => {
		const ready = readyPlayer(steps);
		expect(currentStep(ready)).toBe(steps[0]);
		expect(nextStep(ready)).toBe(steps[1]);
		expect(remainingMs(ready, T0)).toBe(s(10));
		expect(elapsedMs(ready, T0)).toBe(0);
	});

	test('only start applies before the start', () => {
		const ready = readyPlayer(steps);
		for (const event of allEvents.filter((e) => e !== start)) {
			expect(reduce(ready, event, T0)).toBe(ready);
		}
	});

	test('starting runs the first step with its full time', () => {
		const state = expectRunning(play([[start, T0]]));
		expect(state.index).toBe(0);
		expect(state.deadline).toBe(T0 + s(10));
		expect(state.startedAt).toBe(T0);
		expect(remainingMs(state, T0 + s(4))).toBe(s(6));
	});

	test('starting again while running changes nothing', () => {
		const running = play([[start, T0]]);
		expect(reduce(running, start, T0 + 100)).toBe(running);
		expect(reduce(running, resume, T0 + 100)).toBe(running);
	});

	test('pausing for an hour keeps the 12 s that were left', () => {
		// Step 1 is the first 20 s warm-up movement: 8 s in, 12 s are left.
		const paused = expectPaused(play([[pause, T0 + s(18)]], runningAt(1)));
		expect(paused.remainingMs).toBe(s(12));
		const hourLater = T0 + s(18) + 3_600_000;
		expect(remainingMs(paused, hourLater)).toBe(s(12));
		const resumed = expectRunning(reduce(reduce(paused, tick, hourLater), resume, hourLater));
		expect(resumed.index).toBe(1);
		expect(resumed.deadline).toBe(hourLater + s(12));
		expect(remainingMs(resumed, hourLater)).toBe(s(12));
	});

	test('pausing while paused, and ticking while paused, change nothing', () => {
		const paused = play([[pause, T0 + s(3)]], runningAt(0));
		expect(reduce(paused, pause, T0 + s(60))).toBe(paused);
		expect(reduce(paused, tick, T0 + s(60))).toBe(paused);
		expect(reduce(paused, start, T0 + s(60))).toBe(paused);
	});

	test('the routine time leaves out the pauses', () => {
		const state = play([
			[start, T0],
			[pause, T0 + s(5)],
			[resume, T0 + s(65)]
		]);
		expect(elapsedMs(state, T0 + s(67))).toBe(s(7));
		const paused = play([[pause, T0 + s(70)]], state);
		expect(elapsedMs(paused, T0 + s(500))).toBe(s(10));
	});
});

describe('time passing', () => {
	test('a tick within a step changes nothing', () => {
		const running = runningAt(0);
		expect(reduce(running, tick, T0 + s(9.999))).toBe(running);
	});

	test('at the deadline the next step starts, timed from the deadline rather than the tick', () => {
		const state = expectRunning(reduce(runningAt(0), tick, T0 + s(10.3)));
		expect(state.index).toBe(1);
		expect(state.stepStartedAt).toBe(T0 + s(10));
		expect(state.deadline).toBe(T0 + s(30));
		expect(remainingMs(state, T0 + s(10.3))).toBe(s(19.7));
	});

	test('a late tick after the page was hidden for 3 minutes lands on the right step with the right time', () => {
		const hidden = T0 + s(180.5);
		const state = expectRunning(reduce(runningAt(0), tick, hidden));
		// 177 s of steps have gone by: the bridge's get-ready step has 6.5 s of its 10 s left.
		expect(currentStep(state)).toMatchObject({ kind: 'prepare', exerciseId: 'hip-bridge' });
		expect(remainingMs(state, hidden)).toBe(s(6.5));
		expect(state.outcomes).toEqual({
			1: 'completed',
			2: 'completed',
			3: 'completed',
			6: 'completed',
			8: 'completed'
		});
	});

	test('a tick long after the end records the true end time, not the tick time', () => {
		const state = expectDone(reduce(runningAt(0), tick, T0 + 3_600_000));
		expect(state.endedAt).toBe(T0 + s(314));
		expect(state.endedEarly).toBe(false);
		expect(elapsedMs(state, T0 + 9_999_999)).toBe(s(314));
	});

	test('the routine keeps time across a resume: later steps end relative to the resume', () => {
		const state = play(
			[
				[pause, T0 + s(15)],
				[resume, T0 + s(100)],
				[tick, T0 + s(115)]
			],
			runningAt(1)
		);
		// Step 1 ran 5 s before the pause and 15 s after it: step 2 starts at the resume + 15 s.
		expect(expectRunning(state).index).toBe(2);
		expect(remainingMs(state, T0 + s(115))).toBe(s(20));
	});
});

describe('skip, back, too much and finish', () => {
	test('skipping a movement marks it skipped and gives the next step its full time', () => {
		const state = expectRunning(reduce(runningAt(1), skip, T0 + s(12)));
		expect(state.index).toBe(2);
		expect(state.outcomes).toEqual({ 1: 'skipped' });
		expect(remainingMs(state, T0 + s(12))).toBe(s(20));
	});

	test('skipping a rest records no outcome', () => {
		const state = expectRunning(reduce(runningAt(4), skip, T0 + s(75)));
		expect(state.index).toBe(5);
		expect(state.outcomes[4]).toBeUndefined();
	});

	test('skipping the last step ends the routine, not early, since every step was reached', () => {
		const state = expectDone(reduce(runningAt(13), skip, T0 + s(260)));
		expect(state.endedEarly).toBe(false);
		expect(state.stoppedForPain).toBe(false);
		expect(state.endedAt).toBe(T0 + s(260));
		expect(state.outcomes[13]).toBe('skipped');
	});

	test('skipping while paused stays paused at the next step with its full time', () => {
		const state = expectPaused(
			play(
				[
					[pause, T0 + s(12)],
					[skip, T0 + s(40)]
				],
				runningAt(1)
			)
		);
		expect(state.index).toBe(2);
		expect(state.remainingMs).toBe(s(20));
		expect(state.pausedAt).toBe(T0 + s(12));
		expect(state.outcomes).toEqual({ 1: 'skipped' });
	});

	test('going back starts the previous step again with its full time', () => {
		const state = expectRunning(reduce(runningAt(2), back, T0 + s(35)));
		expect(state.index).toBe(1);
		expect(state.deadline).toBe(T0 + s(55));
	});

	test('going back from the first step restarts it with its full time', () => {
		const state = expectRunning(reduce(runningAt(0), back, T0 + s(7)));
		expect(state.index).toBe(0);
		expect(state.stepStartedAt).toBe(T0 + s(7));
		expect(remainingMs(state, T0 + s(7))).toBe(s(10));
	});

	test('going back while paused stays paused at the previous step', () => {
		const state = expectPaused(
			play(
				[
					[pause, T0 + s(40)],
					[back, T0 + s(90)]
				],
				runningAt(2)
			)
		);
		expect(state.index).toBe(1);
		expect(state.remainingMs).toBe(s(20));
		const atFirst = expectPaused(play([[back, T0 + s(95)]], state));
		const again = expectPaused(reduce(atFirst, back, T0 + s(96)));
		expect(again.index).toBe(0);
		expect(again.remainingMs).toBe(s(10));
	});

	test('too much ends the hold at once, marks it stopped and stops to ask: no tick moves on', () => {
		const state = reduce(runningAt(6), tooMuch, T0 + s(115));
		expect(state.status).toBe('too-much');
		if (state.status !== 'too-much') return;
		expect(state.index).toBe(6);
		expect(state.outcomes[6]).toBe('stopped');
		// Minutes pass, the page ticks, someone taps pause or skip: nothing starts.
		for (const event of [tick, pause, resume, skip, back, start]) {
			expect(reduce(state, event, T0 + s(600))).toBe(state);
		}
		expect(elapsedMs(state, T0 + s(600))).toBe(elapsedMs(state, T0 + s(115)));
	});

	test('too much while paused stops to ask as well', () => {
		const state = play(
			[
				[pause, T0 + s(115)],
				[tooMuch, T0 + s(120)]
			],
			runningAt(6)
		);
		expect(state.status).toBe('too-much');
		expect(state.status === 'too-much' && state.outcomes[6]).toBe('stopped');
	});

	test('after too much, resting waits paused at the next step with its full time', () => {
		const asking = reduce(runningAt(6), tooMuch, T0 + s(115));
		const resting = expectPaused(reduce(asking, { type: 'choose', choice: 'rest' }, T0 + s(160)));
		expect(resting.index).toBe(7);
		expect(resting.remainingMs).toBe(s(5));
		// The time spent choosing and resting is a pause, not routine time.
		const going = expectRunning(reduce(resting, resume, T0 + s(200)));
		expect(elapsedMs(going, T0 + s(200))).toBe(s(115));
	});

	test('after too much on the first side, skipping the other side moves on to the next exercise', () => {
		const asking = reduce(runningAt(6), tooMuch, T0 + s(115));
		expect(tooMuchChoices(asking)).toEqual(['rest', 'skip-side']);
		const next = expectRunning(
			reduce(asking, { type: 'choose', choice: 'skip-side' }, T0 + s(130))
		);
		expect(currentStep(next)).toMatchObject({ kind: 'rest', nextExerciseId: 'hip-bridge' });
		expect(next.outcomes[8]).toBe('skipped');
		const right = results(next).find((r) => r.side === 'right' && r.exerciseId === 'knee-to-chest');
		expect(right?.completed).toBe(false);
	});

	test('after too much on the last side, the choices are to rest or end, and skipping the other side is refused', () => {
		const asking = reduce(runningAt(8), tooMuch, T0 + s(140));
		expect(tooMuchChoices(asking)).toEqual(['rest']);
		expect(reduce(asking, { type: 'choose', choice: 'skip-side' }, T0 + s(141))).toBe(asking);
	});

	test('after too much in a warm-up movement, skipping the exercise skips its other movements', () => {
		const asking = reduce(runningAt(1), tooMuch, T0 + s(15));
		expect(tooMuchChoices(asking)).toEqual(['rest', 'skip-exercise']);
		const next = expectRunning(
			reduce(asking, { type: 'choose', choice: 'skip-exercise' }, T0 + s(16))
		);
		expect(next.index).toBe(4);
		expect(next.outcomes).toMatchObject({ 1: 'stopped', 2: 'skipped', 3: 'skipped' });
	});

	test('after too much, ending asks no more: the routine ends there, for pain when it hurt', () => {
		const asking = reduce(runningAt(6), tooMuch, T0 + s(115));
		const done = reduce(asking, finishForPain, T0 + s(130));
		expect(done.status).toBe('done');
		const left = results(done).find((r) => r.side === 'left' && r.exerciseId === 'knee-to-chest');
		expect(left).toMatchObject({ stoppedForPain: true, tooMuch: true });
	});

	test('too much during a rest or a get-ready step changes nothing', () => {
		const resting = runningAt(4);
		expect(reduce(resting, tooMuch, T0 + s(80))).toBe(resting);
		const preparing = runningAt(0);
		expect(reduce(preparing, tooMuch, T0 + s(1))).toBe(preparing);
	});

	test('finishing for pain ends the routine early and stops the hold in progress', () => {
		const state = expectDone(reduce(runningAt(8), finishForPain, T0 + s(140)));
		expect(state.endedEarly).toBe(true);
		expect(state.stoppedForPain).toBe(true);
		expect(state.endedAt).toBe(T0 + s(140));
		expect(state.outcomes[8]).toBe('stopped');
		expect(currentStep(state)!.kind).toBe('done');
	});

	test('finishing while paused ends at the moment of finishing, the pause left out of the time', () => {
		const state = expectDone(
			play(
				[
					[pause, T0 + s(5)],
					[finishEarly, T0 + s(600)]
				],
				runningAt(0)
			)
		);
		expect(state.endedAt).toBe(T0 + s(600));
		expect(state.endedEarly).toBe(true);
		expect(state.stoppedForPain).toBe(false);
		expect(elapsedMs(state, T0 + s(700))).toBe(s(5));
	});

	test('once done, nothing changes it', () => {
		const done = reduce(runningAt(3), finishEarly, T0 + s(60));
		for (const event of allEvents) expect(reduce(done, event, T0 + s(9000))).toBe(done);
	});
});

describe('repetitions counted at the tempo', () => {
	const work = steps[11]!;

	test('20 s into a set of bridges at 2 s up, 3 s hold, 2 s down is the way down of rep 3 of 8', () => {
		expect(repProgress(work, s(20))).toEqual({
			rep: 3,
			of: 8,
			phase: 'down',
			phaseRemainingMs: s(1)
		});
	});

	test('each repetition goes up, holds, then comes down', () => {
		expect(repProgress(work, 0)).toEqual({ rep: 1, of: 8, phase: 'up', phaseRemainingMs: s(2) });
		expect(repProgress(work, s(2))).toEqual({
			rep: 1,
			of: 8,
			phase: 'hold',
			phaseRemainingMs: s(3)
		});
		expect(repProgress(work, s(7))).toEqual({ rep: 2, of: 8, phase: 'up', phaseRemainingMs: s(2) });
		expect(repProgress(work, s(56))).toEqual({ rep: 8, of: 8, phase: 'down', phaseRemainingMs: 0 });
	});

	test('a running set is counted from the time spent in it, pauses left out', () => {
		const state = play(
			[
				[pause, T0 + s(197)],
				[resume, T0 + s(500)]
			],
			runningAt(11)
		);
		const at = T0 + s(500 + 10);
		expect(stepElapsedMs(state, at)).toBe(s(20));
		expect(repProgress(currentStep(state)!, stepElapsedMs(state, at))).toMatchObject({
			rep: 3,
			phase: 'down'
		});
	});

	test('a hold is not counted in repetitions', () => {
		expect(repProgress(steps[6]!, s(3))).toBeUndefined();
	});
});

describe('results', () => {
	test('after a full run every exercise and side is completed, at its level', () => {
		const done = expectDone(reduce(runningAt(0), tick, T0 + s(400)));
		expect(results(done)).toEqual([
			{ exerciseId: 'warm-up', side: 'both', completed: true, stoppedForPain: false, level: 0 },
			{
				exerciseId: 'knee-to-chest',
				side: 'left',
				completed: true,
				stoppedForPain: false,
				level: 1
			},
			{
				exerciseId: 'knee-to-chest',
				side: 'right',
				completed: true,
				stoppedForPain: false,
				level: 0
			},
			{ exerciseId: 'hip-bridge', side: 'both', completed: true, stoppedForPain: false, level: 0 }
		]);
	});

	test('after finishing for pain in the right knee-to-chest, that side alone is stopped for pain', () => {
		const done = reduce(runningAt(8), finishForPain, T0 + s(140));
		expect(results(done)).toEqual([
			{ exerciseId: 'warm-up', side: 'both', completed: true, stoppedForPain: false, level: 0 },
			{
				exerciseId: 'knee-to-chest',
				side: 'left',
				completed: true,
				stoppedForPain: false,
				level: 1
			},
			{
				exerciseId: 'knee-to-chest',
				side: 'right',
				completed: false,
				stoppedForPain: true,
				level: 0
			},
			{ exerciseId: 'hip-bridge', side: 'both', completed: false, stoppedForPain: false, level: 0 }
		]);
	});

	test('finishing for pain in the rest after an exercise counts against the side just done', () => {
		const done = reduce(runningAt(9), finishForPain, T0 + s(160));
		const hurt = results(done).filter((r) => r.stoppedForPain);
		expect(hurt).toEqual([
			{
				exerciseId: 'knee-to-chest',
				side: 'right',
				completed: true,
				stoppedForPain: true,
				level: 0
			}
		]);
	});

	test('finishing early without pain stops no exercise for pain', () => {
		const done = reduce(runningAt(8), finishEarly, T0 + s(140));
		expect(results(done).some((r) => r.stoppedForPain)).toBe(false);
	});

	test('too much on the left side marks that side, even after doing it again', () => {
		const state = play(
			[
				[tooMuch, T0 + s(115)],
				[{ type: 'choose', choice: 'rest' }, T0 + s(116)],
				[back, T0 + s(116)],
				[resume, T0 + s(116)],
				[tick, T0 + s(116 + 22)]
			],
			runningAt(6)
		);
		expect(expectRunning(state).index).toBe(7);
		const left = results(state).find((r) => r.exerciseId === 'knee-to-chest' && r.side === 'left');
		expect(left).toEqual({
			exerciseId: 'knee-to-chest',
			side: 'left',
			completed: true,
			stoppedForPain: false,
			tooMuch: true,
			level: 1
		});
		const right = results(state).find(
			(r) => r.exerciseId === 'knee-to-chest' && r.side === 'right'
		);
		expect(right?.tooMuch).toBeUndefined();
	});

	test('a skipped movement leaves the warm-up not completed', () => {
		const done = play(
			[
				[skip, T0 + s(15)],
				[finishEarly, T0 + s(16)]
			],
			runningAt(1)
		);
		expect(results(done)[0]).toMatchObject({ exerciseId: 'warm-up', completed: false });
	});
});

describe('telling the screen and the voice what changed', () => {
	test('a tick into the next step announces that step', () => {
		const before = runningAt(0);
		expect(enteredStep(before, reduce(before, tick, T0 + s(10)))).toBe(steps[1]);
	});

	test('a tick within a step, a pause and a resume announce nothing', () => {
		const before = runningAt(0);
		expect(enteredStep(before, reduce(before, tick, T0 + s(3)))).toBeUndefined();
		const paused = reduce(before, pause, T0 + s(3));
		expect(enteredStep(before, paused)).toBeUndefined();
		expect(enteredStep(paused, reduce(paused, resume, T0 + s(9)))).toBeUndefined();
	});

	test('starting, restarting the first step and the end are announced', () => {
		const ready = readyPlayer(steps);
		const running = reduce(ready, start, T0);
		expect(enteredStep(ready, running)).toBe(steps[0]);
		expect(enteredStep(running, reduce(running, back, T0 + s(4)))).toBe(steps[0]);
		const last = runningAt(13);
		expect(enteredStep(last, reduce(last, tick, T0 + s(999)))).toBe(steps[14]);
	});
});

describe('a page that is killed or reloaded', () => {
	test('a running routine stored as JSON resumes identically', () => {
		const running = play([[tooMuch, T0 + s(115)]], runningAt(6));
		const stored: PlayerState = JSON.parse(JSON.stringify(running));
		expect(stored).toEqual(running);
		for (const [event, at] of [
			[tick, T0 + s(200)],
			[skip, T0 + s(118)],
			[pause, T0 + s(118)],
			[finishForPain, T0 + s(130)]
		] as const) {
			expect(reduce(stored, event, at)).toEqual(reduce(running, event, at));
		}
		expect(results(stored)).toEqual(results(running));
		expect(remainingMs(stored, T0 + s(118))).toBe(remainingMs(running, T0 + s(118)));
	});

	test('a paused routine stored as JSON resumes at the same step and time', () => {
		const paused = play([[pause, T0 + s(18)]], runningAt(1));
		const stored: PlayerState = JSON.parse(JSON.stringify(paused));
		const later = T0 + 86_400_000;
		expect(reduce(stored, resume, later)).toEqual(reduce(paused, resume, later));
		expect(remainingMs(reduce(stored, resume, later), later)).toBe(s(12));
	});

	test('a page killed mid-hold resumes at the same step and time, paused at the last save', () => {
		const saved = JSON.stringify({ state: runningAt(1), savedAt: T0 + s(18) });
		const { state, savedAt } = JSON.parse(saved) as { state: PlayerState; savedAt: number };
		const restored = expectPaused(reduce(state, pause, savedAt));
		expect(restored.index).toBe(1);
		expect(restored.remainingMs).toBe(s(12));
	});
});

describe('the player never reaches an impossible state', () => {
	const eventArb = fc.oneof(
		...allEvents.map((event) => fc.constant(event)),
		fc.constant<PlayerEvent>(tick),
		fc.constant<PlayerEvent>(tick)
	);
	const runArb = fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 90_000 })), {
		maxLength: 60
	});

	test('for any events at non-decreasing times the state stays valid and done absorbs', () => {
		fc.assert(
			fc.property(runArb, (run) => {
				let state: PlayerState = readyPlayer(steps);
				let now = T0;
				let elapsed = 0;
				for (const [event, gap] of run) {
					now += gap;
					const before = state;
					state = reduce(state, event, now);
					if (before.status === 'done') expect(state).toBe(before);
					if (state.status === 'running' || state.status === 'paused') {
						expect(state.index).toBeGreaterThanOrEqual(0);
						expect(state.index).toBeLessThan(steps.length);
						const step = steps[state.index]!;
						expect(step.kind).not.toBe('done');
						const left = state.status === 'running' ? state.deadline - now : state.remainingMs;
						expect(left).toBeGreaterThanOrEqual(0);
						expect(left).toBeLessThanOrEqual(step.durationMs);
						if (state.status === 'running') {
							expect(state.deadline - state.stepStartedAt).toBe(step.durationMs);
						}
					}
					if (state.status !== 'ready') {
						for (const index of Object.keys(state.outcomes)) {
							expect(steps[Number(index)]!.kind).toBe('work');
						}
						expect(state.startedAt).toBeLessThanOrEqual(now);
					}
					if (state.status === 'done') expect(state.endedAt).toBeLessThanOrEqual(now);
					const nowElapsed = elapsedMs(state, now);
					expect(nowElapsed).toBeGreaterThanOrEqual(elapsed);
					elapsed = nowElapsed;
					expect(JSON.parse(JSON.stringify(state))).toEqual(state);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

import { describe, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import type { Exercise } from '../../src/lib/core/content/definitions.ts';
import { prescription } from '../../src/lib/core/progression/dose.ts';
import type { SessionRecord, Side } from '../../src/lib/core/records/history.ts';
import {
	expandRoutine,
	FAMILIAR_AFTER_TIMES,
	prepareSecondsFor,
	timesDoneByExercise,
	type Step
} from '../../src/lib/core/player/player-steps.ts';
import {
	announcement,
	currentCue,
	CUE_EVERY_SECONDS,
	howToWords,
	sideWords,
	sidesInOrder,
	targetWords,
	workWords
} from '../../src/lib/core/player/cues.ts';
import { CHANGE_POSITION_SECONDS } from '../../src/lib/core/content/positions.ts';
import { personalRoutine } from '../../src/lib/core/content/routine.ts';
import { SettingsSchema } from '../../src/lib/core/records/settings-schema.ts';
import * as v from 'valibot';

/** The routine as a person on the floor lives it, from the app's own content. */

const content = loadRoutesData('routes-data');
const exercises = new Map(content.exercises.map((e) => [e.id, e]));
const routine = content.routines.find((r) => r.id === 'daily')!;
const ex = (id: string): Exercise => exercises.get(id)!;

function startingDose(exerciseId: string, _side: Side) {
	return { level: 0, prescription: prescription(ex(exerciseId), 0) };
}

const steps = expandRoutine(routine, exercises, startingDose);
const warmUpSteps = steps.filter((s) => s.exerciseId === 'warm-up');

describe('changes of position', () => {
	test('every shipped exercise and warm-up movement names its position', () => {
		for (const exercise of content.exercises) {
			expect(exercise.position, exercise.id).toBeDefined();
			for (const movement of exercise.movements ?? []) {
				expect(movement.position, `${exercise.id}/${movement.id}`).toBeDefined();
			}
		}
	});

	test('from pelvic tilts on the back to cat-cow on all fours comes a change-position step of at least 10 s', () => {
		const tilts = steps.findIndex((s) => s.movementId === 'pelvic-tilt' && s.kind === 'work');
		const change = steps[tilts + 1]!;
		expect(change.kind).toBe('change-position');
		expect(change.fromPosition).toBe('lying-on-back');
		expect(change.position).toBe('all-fours');
		expect(change.durationMs).toBeGreaterThanOrEqual(CHANGE_POSITION_SECONDS * 1000);
		expect(steps[tilts + 2]).toMatchObject({ kind: 'work', movementId: 'cat-cow' });
	});

	test('getting up from all fours to stand for marching takes longer still, and says how', () => {
		const change = warmUpSteps.find(
			(s) => s.kind === 'change-position' && s.position === 'standing'
		)!;
		expect(change.durationMs).toBeGreaterThanOrEqual(15_000);
		expect(howToWords(ex('warm-up'), change).join(' ')).toMatch(/push up slowly/i);
	});

	test('from lying on the back onto all fours, the words say roll onto your side and push up with your arms', () => {
		const change = steps.find(
			(s) =>
				s.kind === 'change-position' &&
				s.fromPosition === 'lying-on-back' &&
				s.position === 'all-fours'
		)!;
		const words = howToWords(ex(change.exerciseId), change).join('. ');
		expect(words).toMatch(/roll onto your side/i);
		expect(words).toMatch(/push up with your arms/i);
		expect(announcement(change, ex(change.exerciseId), undefined)).toContain(words);
	});

	test('between two exercises in different positions, the change comes before get ready', () => {
		const preparePlank = steps.findIndex((s) => s.kind === 'prepare' && s.exerciseId === 'plank');
		expect(steps[preparePlank - 1]).toMatchObject({
			kind: 'change-position',
			fromPosition: 'all-fours',
			position: 'face-down',
			exerciseId: 'plank'
		});
	});

	test('a rest before an exercise in another position is one step: the rest taken while moving, as long as the longer', () => {
		const familiar = expandRoutine(routine, exercises, startingDose, {
			timesDone: new Map(content.exercises.map((e) => [e.id, FAMILIAR_AFTER_TIMES]))
		});
		const prepareBirdDog = familiar.findIndex(
			(s) => s.kind === 'prepare' && s.exerciseId === 'bird-dog'
		);
		const between = familiar.slice(
			familiar.findIndex((s) => s.exerciseId === 'hip-bridge' && s.kind === 'work') + 1,
			prepareBirdDog
		);
		expect(between).toHaveLength(1);
		const rest = between[0]!;
		expect(rest).toMatchObject({
			kind: 'rest',
			exerciseId: 'hip-bridge',
			nextExerciseId: 'bird-dog',
			fromPosition: 'lying-on-back',
			position: 'all-fours'
		});
		expect(rest.durationMs).toBe(Math.max(routine.restSeconds, CHANGE_POSITION_SECONDS) * 1000);
		// The words of both: it is a rest, and it says how to move.
		const words = announcement(rest, ex('hip-bridge'), ex('bird-dog'));
		expect(words).toMatch(/^Rest/);
		expect(words).toMatch(/roll onto your side/i);
		expect(words).toContain('Next: Bird dog');
		expect(howToWords(ex('hip-bridge'), rest).join(' ')).toMatch(/push up with your arms/i);
	});

	test('the rest before a new exercise is shortened by its reading time, never below the time to move', () => {
		const firstRest = steps.find((s) => s.kind === 'rest' && s.nextExerciseId === 'bird-dog')!;
		const reading =
			prepareSecondsFor(ex('bird-dog'), routine.prepareSeconds, 0) - routine.prepareSeconds;
		expect(reading).toBeGreaterThan(0);
		expect(firstRest.durationMs).toBe(
			Math.max(CHANGE_POSITION_SECONDS, routine.restSeconds - reading) * 1000
		);
	});

	test('after a stretch, moving on and getting ready are the pause: no rest of its own', () => {
		const prepareKnee = steps.findIndex(
			(s) => s.kind === 'prepare' && s.exerciseId === 'knee-to-chest'
		);
		expect(steps[prepareKnee - 1]).toMatchObject({ kind: 'work', exerciseId: 'lying-twist' });
	});

	test('after strength work comes a rest, in the same position too', () => {
		const custom = {
			...routine,
			items: [{ exercise: 'hip-bridge' }, { exercise: 'knee-to-chest' }]
		};
		const two = expandRoutine(custom, exercises, startingDose, {
			timesDone: new Map(content.exercises.map((e) => [e.id, FAMILIAR_AFTER_TIMES]))
		});
		const prepareKnee = two.findIndex(
			(s) => s.kind === 'prepare' && s.exerciseId === 'knee-to-chest'
		);
		expect(two[prepareKnee - 1]).toMatchObject({
			kind: 'rest',
			durationMs: routine.restSeconds * 1000
		});
		expect(two[prepareKnee - 1]?.fromPosition).toBeUndefined();
	});
});

describe('movements are counted as movements, not held', () => {
	test('pelvic tilts at 5 s each fill the 30 s as six slow movements', () => {
		const tilts = warmUpSteps.find((s) => s.movementId === 'pelvic-tilt' && s.kind === 'work')!;
		expect(tilts.reps?.count).toBe(6);
		expect(tilts.durationMs).toBe(30_000);
		expect(workWords(tilts)).toBe('6 slow movements');
		expect(workWords(tilts)).not.toMatch(/hold/i);
	});

	test('the how-to of the movement is what the screen shows during it', () => {
		const catCow = warmUpSteps.find((s) => s.movementId === 'cat-cow' && s.kind === 'work')!;
		expect(currentCue(ex('warm-up'), catCow, 3)).toMatch(/round your back up like a cat/);
	});
});

describe('time to read the set-up', () => {
	const seated = ex('seated-twist');

	test('the first time, get ready lasts long enough to read every set-up step slowly', () => {
		const words = seated.setup.join(' ').split(/\s+/).length;
		expect(prepareSecondsFor(seated, 10, 0)).toBeGreaterThanOrEqual(Math.min(60, words / 2));
		expect(prepareSecondsFor(seated, 10, 0)).toBeGreaterThan(10);
	});

	test('once an exercise is familiar, get ready is the shorter time the person chose', () => {
		expect(prepareSecondsFor(seated, 10, FAMILIAR_AFTER_TIMES)).toBe(10);
		expect(prepareSecondsFor(seated, 25, FAMILIAR_AFTER_TIMES)).toBe(25);
	});

	test('how often each exercise was done is counted once a session', () => {
		const session = (id: string, results: [string, Side][]): SessionRecord => ({
			id,
			date: '2026-03-02',
			startedAt: 0,
			endedAt: 1,
			routineId: 'daily',
			endedEarly: false,
			results: results.map(([exerciseId, side]) => ({
				exerciseId,
				side,
				completed: true,
				stoppedForPain: false,
				level: 0
			}))
		});
		const times = timesDoneByExercise([
			session('a', [
				['seated-twist', 'left'],
				['seated-twist', 'right']
			]),
			session('b', [['seated-twist', 'left']])
		]);
		expect(times.get('seated-twist')).toBe(2);
		const familiar = expandRoutine(routine, exercises, startingDose, {
			timesDone: new Map([['seated-twist', FAMILIAR_AFTER_TIMES]])
		});
		const prepare = (list: Step[]) =>
			list.find((s) => s.kind === 'prepare' && s.exerciseId === 'seated-twist')!.durationMs;
		expect(prepare(familiar)).toBeLessThan(prepare(steps));
	});
});

describe('sides and targets in words', () => {
	test('the left side of bird dog says it is the right arm and the left leg', () => {
		expect(sideWords(ex('bird-dog'), 'left')).toBe('Left side: right arm and left leg');
		expect(sideWords(ex('bird-dog'), 'right')).toBe('Right side: left arm and right leg');
	});

	test('sides come in one order everywhere: left first, as the routine does them', () => {
		expect(sidesInOrder(ex('knee-to-chest'))).toEqual(['left', 'right']);
		const firstWork = steps.find((s) => s.kind === 'work' && s.exerciseId === 'knee-to-chest');
		expect(firstWork?.side).toBe('left');
	});

	test('switching sides says what to do', () => {
		const change = steps.find((s) => s.kind === 'switch-side' && s.exerciseId === 'lying-twist')!;
		expect(howToWords(ex('lying-twist'), change).join(' ')).toMatch(/knees back to the middle/);
	});

	test('a target is said as the body feels it, the number second', () => {
		expect(targetWords(ex('seated-twist'), 15)).toBe(
			'Turn until you feel a gentle stretch (about 15°)'
		);
		expect(targetWords(ex('seated-twist'), 17)).toBe(
			'Turn until you feel a gentle stretch, a little further than your first day (about 17°)'
		);
	});
});

describe('the cue on screen', () => {
	const twist = steps.find((s) => s.kind === 'work' && s.exerciseId === 'seated-twist')!;
	const long: Step = { ...twist, durationMs: 40_000 };

	test('a hold shows the cue that was last spoken, from the start', () => {
		expect(currentCue(ex('seated-twist'), long, 0)).toBe(ex('seated-twist').cues[0]);
		expect(currentCue(ex('seated-twist'), long, CUE_EVERY_SECONDS)).toBe(
			ex('seated-twist').cues[1]
		);
	});

	test('the cue stays the same from one second to the next, so a live region does not chatter', () => {
		const shown = new Set(
			Array.from({ length: CUE_EVERY_SECONDS - 1 }, (_, i) =>
				currentCue(ex('seated-twist'), long, CUE_EVERY_SECONDS + i)
			)
		);
		expect(shown.size).toBe(1);
	});
});

describe('get ready and switch side as the person set them', () => {
	test('a chosen switch-side time and a shorter familiar get ready reach the player’s steps', () => {
		const mine = personalRoutine(routine, { prepareSeconds: 5, switchSideSeconds: 15 });
		const familiar = new Map(content.exercises.map((e) => [e.id, FAMILIAR_AFTER_TIMES]));
		const played = expandRoutine(mine, exercises, startingDose, { timesDone: familiar });
		const switches = played.filter((s) => s.kind === 'switch-side');
		expect(switches.length).toBeGreaterThan(0);
		for (const s of switches) expect(s.durationMs).toBe(15_000);
		for (const s of played.filter((s) => s.kind === 'prepare')) expect(s.durationMs).toBe(5_000);
	});

	test('a backup keeps the chosen times, and refuses a time that is not a whole number of seconds', () => {
		expect(v.safeParse(SettingsSchema, { prepareSeconds: 20, switchSideSeconds: 10 }).success).toBe(
			true
		);
		expect(v.safeParse(SettingsSchema, { switchSideSeconds: 2.5 }).success).toBe(false);
	});
});

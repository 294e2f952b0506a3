import { expect, test } from 'vitest';
import fc from 'fast-check';
import { readKeptRoutine } from '../../src/lib/core/player/saved-routine';
import { PLAYER_STATE_VERSION } from '../../src/lib/core/player/saved-routine-version';
import {
	expandRoutine,
	readyPlayer,
	reduce,
	remainingMs,
	type PlayerState
} from '../../src/lib/core/player/player';
import { prescription } from '../../src/lib/core/progression/dose';
import { V2_ACTIVE_ROUTINE } from '../fixtures/storage/v2';
import { exercises, routine } from './fixtures/definitions';
import { loadRoutesData } from '../../scripts/routes-data.ts';

const startedAt = Date.UTC(2026, 2, 2, 8);

/** A routine 12 s in (the first hold under way), as the player keeps it. */
function keptMidHold(status: 'running' | 'paused' = 'running') {
	const steps = expandRoutine(routine, exercises, (id) => ({
		level: 0,
		prescription: prescription(exercises.get(id)!, 0)
	}));
	let state: PlayerState = reduce(readyPlayer(steps), { type: 'start' }, startedAt);
	state = reduce(state, { type: 'tick' }, startedAt + 12_000);
	if (status === 'paused') state = reduce(state, { type: 'pause' }, startedAt + 12_000);
	// Through storage, as structured clone and JSON would give it back.
	return structuredClone({ version: PLAYER_STATE_VERSION, savedAt: startedAt + 12_000, state });
}

test('a routine kept mid-hold is resumed as it was kept', () => {
	for (const status of ['running', 'paused'] as const) {
		const kept = keptMidHold(status);
		const read = readKeptRoutine(kept, exercises);
		expect(read).toEqual({ ok: true, state: kept.state, savedAt: kept.savedAt });
	}
});

test('a routine kept at a change of position, or waiting after “too much”, is resumed as it was kept', () => {
	const content = loadRoutesData('routes-data');
	const all = new Map(content.exercises.map((e) => [e.id, e]));
	const daily = content.routines.find((r) => r.id === 'daily')!;
	const steps = expandRoutine(daily, all, (id) => ({
		level: 0,
		prescription: prescription(all.get(id)!, 0)
	}));
	const change = steps.findIndex((step) => step.kind === 'change-position');
	const work = steps.findIndex((step) => step.kind === 'work');
	expect(change).toBeGreaterThan(0);
	const started = reduce(readyPlayer(steps), { type: 'start' }, startedAt);
	const skipTo = (index: number) => {
		let state = started;
		while (state.status === 'running' && state.index < index)
			state = reduce(state, { type: 'skip' }, startedAt + 1_000);
		return state;
	};
	const atChange = skipTo(change);
	const atWork = skipTo(work);
	expect(steps[atChange.status === 'running' ? atChange.index : -1]?.kind).toBe('change-position');
	const tooMuch = reduce(atWork, { type: 'tooMuch' }, startedAt + 2_000);
	expect(tooMuch.status).toBe('too-much');
	for (const state of [atChange, tooMuch]) {
		const kept = structuredClone({
			version: PLAYER_STATE_VERSION,
			savedAt: startedAt + 3_000,
			state
		});
		expect(readKeptRoutine(kept, all)).toEqual({
			ok: true,
			state: kept.state,
			savedAt: kept.savedAt
		});
	}
});

test('the state kept by version 2 of the app is refused with a reason, not resumed', () => {
	expect(readKeptRoutine(V2_ACTIVE_ROUTINE, exercises)).toEqual({
		ok: false,
		problem: 'part of it is missing or damaged'
	});
});

test.each([
	['nothing at all', () => undefined, 'nothing readable was kept'],
	['another format', () => ({ ...keptMidHold(), version: 99 }), 'kept by a different version'],
	['no steps', () => withState({ steps: undefined }), 'missing or damaged'],
	['an empty list of steps', () => withState({ steps: [] }), 'missing or damaged'],
	['a deadline that is not a number', () => withState({ deadline: NaN }), 'missing or damaged'],
	['a negative start', () => withState({ startedAt: -5 }), 'missing or damaged'],
	['a step past the last', () => withState({ index: 999 }), 'points past its last step'],
	[
		'a deadline before its step started',
		() => withState({ deadline: 1 }),
		'ends before it started'
	],
	['an exercise the app does not have', () => renamedExercise(), 'does not have (“gone”)'],
	['no time it was kept', () => ({ ...keptMidHold(), savedAt: 'yesterday' }), 'time it was kept']
])('a kept routine with %s is refused with a reason', (_, kept, reason) => {
	const read = readKeptRoutine(kept(), exercises);
	expect(read.ok).toBe(false);
	if (!read.ok) expect(read.problem).toContain(reason);
});

function withState(change: Record<string, unknown>) {
	const kept = keptMidHold();
	return { ...kept, state: { ...kept.state, ...change } };
}

function renamedExercise() {
	const kept = keptMidHold();
	if (kept.state.status === 'ready') return kept;
	const steps = kept.state.steps.map((step, i) =>
		i === 0 ? { ...step, exerciseId: 'gone' } : step
	);
	return { ...kept, state: { ...kept.state, steps } };
}

test('whatever damage a kept routine has, reading it never throws, and what it accepts resumes to real times', () => {
	const kept = keptMidHold('paused');
	const fields = Object.keys(kept.state);
	const junk = fc.oneof(
		fc.constant(undefined),
		fc.constant(null),
		fc.double(),
		fc.integer(),
		fc.string(),
		fc.constant([]),
		fc.constant({})
	);
	fc.assert(
		fc.property(fc.constantFrom(...fields), junk, (field, value) => {
			const damaged = { ...kept, state: { ...kept.state, [field]: value } };
			const read = readKeptRoutine(damaged, exercises);
			if (!read.ok) return;
			const resumed = reduce(read.state, { type: 'resume' }, startedAt + 60_000);
			expect(Number.isFinite(remainingMs(resumed, startedAt + 61_000))).toBe(true);
			expect(remainingMs(resumed, startedAt + 61_000)).toBeGreaterThanOrEqual(0);
		})
	);
});

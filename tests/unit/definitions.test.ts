import { describe, expect, test } from 'vitest';
import {
	DefinitionError,
	validateContent,
	type SourceFile
} from '../../src/lib/core/content/definitions';

const pose = { root: { x: 0, y: 40, angle: 90 }, joints: { hipL: 90 } };

function exercise(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: 'lying-twist',
		name: 'Lying twist',
		purpose: 'Eases the lower back by letting the knees fall to one side.',
		category: 'mobility',
		greenSessions: 1,
		startingPosition: 'On your back, knees bent, feet flat.',
		setup: ['Arms out to the sides.'],
		cues: ['Let the knees sink slowly.'],
		safety: ['Stop if pain shoots down a leg.'],
		sides: 'per-side',
		work: { kind: 'hold' },
		dials: [
			{ kind: 'range', label: 'knee drop', unit: 'deg', start: 20, step: 2, max: 60 },
			{ kind: 'hold', label: 'hold', unit: 's', start: 15, step: 5, max: 45 }
		],
		animation: { view: 'front', start: pose, end: pose },
		...overrides
	};
}

const routine = (items: string[], id = 'daily') => ({
	id,
	name: 'Daily',
	description: 'The daily routine.',
	restSeconds: 20,
	prepareSeconds: 10,
	switchSideSeconds: 5,
	items: items.map((exercise) => ({ exercise }))
});

const file = (name: string, value: unknown): SourceFile => ({
	file: `routes-data/${name}`,
	text: typeof value === 'string' ? value : JSON.stringify(value)
});

function problemsOf(exercises: SourceFile[], routines: SourceFile[]): string[] {
	try {
		validateContent(exercises, routines);
	} catch (error) {
		if (error instanceof DefinitionError) return error.problems;
		throw error;
	}
	return [];
}

function problemsOfExercise(value: unknown): string[] {
	return problemsOf(
		[file('exercises/lying-twist.json', value)],
		[file('routines/daily.json', routine(['lying-twist']))]
	);
}

describe('a good definition', () => {
	test('is accepted and typed', () => {
		const content = validateContent(
			[file('exercises/lying-twist.json', exercise())],
			[file('routines/daily.json', routine(['lying-twist']))]
		);
		expect(content.exercises[0]!.dials[0]).toMatchObject({ kind: 'range', unit: 'deg', step: 2 });
		expect(content.routines[0]!.items).toEqual([{ exercise: 'lying-twist' }]);
	});
});

describe('a broken definition is refused naming the file, the field and what was expected', () => {
	test('a missing field', () => {
		const { purpose: _purpose, ...withoutPurpose } = exercise();
		expect(problemsOfExercise(withoutPurpose)).toEqual([
			'routes-data/exercises/lying-twist.json: field "purpose": expected a value (the field is required), got nothing'
		]);
	});

	test('a wrong unit for the kind of dial', () => {
		const bad = exercise();
		(bad.dials as Record<string, unknown>[])[1]!.unit = 'deg';
		const [problem] = problemsOfExercise(bad);
		expect(problem).toContain('routes-data/exercises/lying-twist.json: field "dials[1].unit"');
		expect(problem).toContain('one of s for a hold dial');
	});

	test('a step larger than the distance to the maximum', () => {
		const bad = exercise();
		(bad.dials as Record<string, unknown>[])[0]!.step = 50;
		const [problem] = problemsOfExercise(bad);
		expect(problem).toContain('field "dials[0].step"');
		expect(problem).toContain('a step no larger than the distance from start to maximum');
	});

	test('a maximum below the start', () => {
		const bad = exercise();
		(bad.dials as Record<string, unknown>[])[1]!.max = 10;
		expect(problemsOfExercise(bad).join('\n')).toContain('field "dials[1].max"');
	});

	test('negative numbers', () => {
		const bad = exercise();
		(bad.dials as Record<string, unknown>[])[0]!.start = -5;
		const problems = problemsOfExercise(bad).join('\n');
		expect(problems).toContain('field "dials[0].start": expected');
		expect(problems).toContain('a number that is not negative');
		const badRoutine = { ...routine(['lying-twist']), restSeconds: -1 };
		expect(
			problemsOf(
				[file('exercises/lying-twist.json', exercise())],
				[file('routines/daily.json', badRoutine)]
			).join('\n')
		).toContain('routes-data/routines/daily.json: field "restSeconds"');
	});

	test('an unknown exercise id in a routine', () => {
		expect(
			problemsOf(
				[file('exercises/lying-twist.json', exercise())],
				[file('routines/daily.json', routine(['lying-twist', 'cobra']))]
			)
		).toEqual([
			'routes-data/routines/daily.json: field "items[1].exercise": expected the id of an exercise in routes-data/exercises, got "cobra"'
		]);
	});

	test('duplicate exercise ids', () => {
		expect(
			problemsOf(
				[file('exercises/lying-twist.json', exercise()), file('exercises/copy.json', exercise())],
				[file('routines/daily.json', routine(['lying-twist']))]
			)
		).toEqual([
			'routes-data/exercises/copy.json: field "id": expected a unique id, got "lying-twist" (also used by routes-data/exercises/lying-twist.json)'
		]);
	});

	test('an unknown category and a misspelt field', () => {
		const problems = problemsOfExercise({ ...exercise({ category: 'cardio' }), cues_: [] }).join(
			'\n'
		);
		expect(problems).toContain('field "category": expected warm-up, mobility or strength');
		expect(problems).toContain(
			'field "cues_": expected no such field (it is not part of the schema; check the spelling)'
		);
	});

	test('a hold exercise without a hold dial', () => {
		const bad = exercise({
			dials: [{ kind: 'range', label: 'knee drop', unit: 'deg', start: 20, step: 2, max: 60 }]
		});
		expect(problemsOfExercise(bad)).toEqual([
			'routes-data/exercises/lying-twist.json: field "dials": expected a hold dial, because the work is a hold'
		]);
	});

	test('a rep exercise without a tempo', () => {
		expect(problemsOfExercise(exercise({ work: { kind: 'reps' } })).join('\n')).toContain(
			'field "work.tempo"'
		);
	});

	test('a file that is not JSON', () => {
		expect(problemsOfExercise('{ "id": ')).toEqual([
			expect.stringMatching(/^routes-data\/exercises\/lying-twist\.json: not valid JSON/)
		]);
	});

	test('every problem of every file is listed at once', () => {
		const problems = problemsOf(
			[
				file('exercises/a.json', exercise({ id: 'a', name: '' })),
				file('exercises/b.json', exercise({ id: 'b', sides: 'left' }))
			],
			[file('routines/daily.json', routine(['a', 'b']))]
		);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toContain('routes-data/exercises/a.json: field "name"');
		expect(problems[1]).toContain('routes-data/exercises/b.json: field "sides"');
	});
});

describe('positions and sides', () => {
	test('a position that is not one the player knows is refused, naming the ones it knows', () => {
		const [problem] = problemsOfExercise(exercise({ position: 'upside-down' }));
		expect(problem).toMatch(
			/routes-data\/exercises\/lying-twist\.json: field "position": expected one of lying-on-back, .*standing/
		);
	});

	test('side words on an exercise done on both sides together are refused', () => {
		const [problem] = problemsOfExercise(
			exercise({ sides: 'both', sideWords: { left: 'left knee', right: 'right knee' } })
		);
		expect(problem).toMatch(/field "sides": expected no side words/);
	});
});

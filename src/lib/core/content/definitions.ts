import * as v from 'valibot';
import { AnimationSchema } from './pose-schema.ts';
import { POSITIONS } from './positions.ts';

/**
 * The one schema of the app's content. Types are inferred from it; the same validator checks
 * routes-data at build time and the definitions inside a backup file on import.
 */

/** The id of an exercise or routine; also checks the ids inside a backup file. */
export const IdSchema = v.pipe(
	v.string('a lower-case id of letters, digits and dashes'),
	v.regex(/^[a-z][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes'),
	v.maxLength(80, 'an id of at most 80 characters')
);
const id = IdSchema;
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('a non-empty sentence'));
const texts = v.pipe(v.array(text), v.minLength(1, 'at least one entry'));
const seconds = v.pipe(
	v.number('a number of seconds'),
	v.finite(),
	v.minValue(0, 'zero or more seconds')
);

/** The units each kind of dial may use. A range is measured in degrees or centimetres. */
export const DIAL_UNITS = {
	range: ['deg', 'cm'],
	hold: ['s'],
	reps: ['reps'],
	sets: ['sets'],
	variant: ['variant']
} as const;
export type DialKind = keyof typeof DIAL_UNITS;
export type DialUnit = (typeof DIAL_UNITS)[DialKind][number];

function dialSchema<K extends Exclude<DialKind, 'variant'>>(kind: K) {
	const units = DIAL_UNITS[kind] as unknown as readonly [string, ...string[]];
	const amount = v.pipe(
		v.number(`a number (${kind})`),
		v.finite(),
		v.minValue(0, 'a number that is not negative')
	);
	return v.pipe(
		v.strictObject({
			kind: v.literal(kind),
			/** Words shown and spoken with the value, e.g. "twist", "hold", "repetitions". */
			label: text,
			unit: v.picklist(
				units as readonly DialUnit[],
				`one of ${units.join(', ')} for a ${kind} dial`
			),
			start: amount,
			step: v.pipe(amount, v.gtValue(0, 'a step greater than 0')),
			max: amount,
			/**
			 * For a range: the target in words a body can feel, said before the number, e.g. "Turn
			 * until you feel a gentle stretch". People feel a stretch; they cannot see degrees.
			 */
			feel: v.optional(text)
		}),
		v.forward(
			v.check((d) => d.max >= d.start, 'a maximum at least as large as the start'),
			['max']
		),
		v.forward(
			v.check(
				(d) => d.max === d.start || d.step <= d.max - d.start,
				'a step no larger than the distance from start to maximum'
			),
			['step']
		),
		v.forward(
			v.check(
				(d) => kind === 'range' || d.start > 0,
				'a start greater than 0 (a hold, repetition or set count cannot start at nothing)'
			),
			['start']
		)
	);
}

/**
 * A harder variant as a dial of its own (plank on the knees, then on the toes): its values are
 * the places in `names`, from 0; changing to the next one starts the hold short again.
 */
const VariantDialSchema = v.pipe(
	v.strictObject({
		kind: v.literal('variant'),
		label: text,
		unit: v.literal('variant', 'the unit "variant" for a variant dial'),
		/** The variants from the easiest, e.g. ["on your knees", "on your toes"]. */
		names: v.pipe(v.array(text), v.minLength(2, 'two or more variants, easiest first')),
		start: v.literal(0, 'a start of 0 (the first, easiest variant)'),
		step: v.literal(1, 'a step of 1 (one variant at a time)'),
		max: v.pipe(v.number(), v.integer())
	}),
	v.forward(
		v.check((d) => d.max === d.names.length - 1, 'a maximum of the last variant (names − 1)'),
		['max']
	)
);

export const DialSchema = v.variant(
	'kind',
	[
		dialSchema('range'),
		dialSchema('hold'),
		dialSchema('reps'),
		dialSchema('sets'),
		VariantDialSchema
	],
	'a dial whose kind is range, hold, reps, sets or variant'
);
export type Dial = v.InferOutput<typeof DialSchema>;

export const TempoSchema = v.strictObject({
	/** Seconds to move into the position. */
	up: v.pipe(seconds, v.gtValue(0, 'more than 0 seconds')),
	/** Seconds to stay there (replaced by a hold dial when the exercise has one). */
	hold: seconds,
	/** Seconds to come back. */
	down: v.pipe(seconds, v.gtValue(0, 'more than 0 seconds'))
});
export type Tempo = v.InferOutput<typeof TempoSchema>;

export const WorkSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('hold') }),
	v.strictObject({ kind: v.literal('reps'), tempo: TempoSchema })
]);
export type Work = v.InferOutput<typeof WorkSchema>;

/** Where the body is: a change between two of these needs time of its own. */
export const PositionSchema = v.picklist(POSITIONS, `one of ${POSITIONS.join(', ')}`);

export const MovementSchema = v.strictObject({
	id,
	name: text,
	cue: text,
	/** The position the movement is done in, when it is not the exercise's. */
	position: v.optional(PositionSchema),
	/** Seconds for one movement, so the player counts movements instead of timing a hold. */
	paceSeconds: v.optional(v.pipe(seconds, v.gtValue(0, 'more than 0 seconds'))),
	animation: AnimationSchema
});
export type Movement = v.InferOutput<typeof MovementSchema>;

export const ExerciseSchema = v.pipe(
	v.strictObject({
		id,
		name: text,
		purpose: text,
		category: v.picklist(['warm-up', 'mobility', 'strength'], 'warm-up, mobility or strength'),
		startingPosition: text,
		/** The starting position as the player tells a change of position. */
		position: v.optional(PositionSchema),
		setup: texts,
		cues: texts,
		safety: texts,
		sides: v.picklist(['both', 'per-side'], '"both" or "per-side"'),
		/**
		 * What each side means, said wherever the side is named: for a cross-body exercise
		 * "right arm and left leg" for the left side.
		 */
		sideWords: v.optional(v.strictObject({ left: text, right: text })),
		/** What to do when switching sides, e.g. "Bring your knees back to the middle". */
		switchSide: v.optional(text),
		work: WorkSchema,
		/** Progression dials, in the order they are raised. */
		dials: v.pipe(v.array(DialSchema), v.minLength(1, 'at least one progression dial')),
		/**
		 * Green sessions (completed, low pain, a morning not worse) needed before each step up:
		 * 1 for gentle stretches, 2 or more for strength work, so muscles have days to adapt.
		 */
		greenSessions: v.pipe(
			v.number('a whole number of green sessions (1 to 7)'),
			v.integer('a whole number of green sessions (1 to 7)'),
			v.minValue(1, 'at least 1 green session before a step up'),
			v.maxValue(7, 'at most 7 green sessions before a step up')
		),
		/** Why the numbers of the dials are what they are, for whoever reviews or changes them. */
		doseNotes: v.optional(text),
		/** A warm-up may be several gentle movements done one after another, each for the hold. */
		movements: v.optional(v.pipe(v.array(MovementSchema), v.minLength(2, 'two or more movements'))),
		animation: AnimationSchema
	}),
	v.forward(
		v.check(
			(e) => new Set(e.dials.map((d) => d.kind)).size === e.dials.length,
			'each dial kind at most once'
		),
		['dials']
	),
	v.forward(
		v.check(
			(e) => e.work.kind !== 'hold' || e.dials.some((d) => d.kind === 'hold'),
			'a hold dial, because the work is a hold'
		),
		['dials']
	),
	v.forward(
		v.check(
			(e) => e.work.kind !== 'reps' || e.dials.some((d) => d.kind === 'reps'),
			'a reps dial, because the work is counted in repetitions'
		),
		['dials']
	),
	v.forward(
		v.check(
			(e) => e.sides === 'per-side' || (!e.sideWords && !e.switchSide),
			'no side words or switch-side words, because the exercise is done on both sides together'
		),
		['sides']
	),
	v.forward(
		v.check(
			(e) => e.category !== 'strength' || e.greenSessions >= 2,
			'at least 2 green sessions for strength work, which needs days to adapt'
		),
		['greenSessions']
	),
	v.forward(
		v.check(
			(e) => !e.movements || e.work.kind === 'hold',
			'a hold, because movements are each done for the hold time'
		),
		['work']
	)
);
export type Exercise = v.InferOutput<typeof ExerciseSchema>;

export const RoutineSchema = v.strictObject({
	id,
	name: text,
	description: text,
	/** Seconds of rest between exercises unless an item says otherwise. */
	restSeconds: seconds,
	/** Seconds of "get ready" before each exercise. */
	prepareSeconds: seconds,
	/** Seconds to swap sides in a per-side exercise. */
	switchSideSeconds: seconds,
	items: v.pipe(
		v.array(v.strictObject({ exercise: id, restAfter: v.optional(seconds) })),
		v.minLength(1, 'at least one exercise')
	)
});
export type Routine = v.InferOutput<typeof RoutineSchema>;

export interface Content {
	exercises: Exercise[];
	routines: Routine[];
}

export interface SourceFile {
	/** The path shown in messages, e.g. routes-data/exercises/plank.json. */
	file: string;
	text: string;
}

export class DefinitionError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid exercise definitions:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'DefinitionError';
	}
}

/** "dials[1].step" from valibot's path of an issue. */
function fieldPath(issue: v.BaseIssue<unknown>): string {
	const keys = issue.path?.map((p) => p.key) ?? [];
	return keys.reduce<string>(
		(path, key) =>
			typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key),
		''
	);
}

function describeIssue(file: string, issue: v.BaseIssue<unknown>): string {
	const path = fieldPath(issue) || '(the whole file)';
	const prefix = `${file}: field "${path}": expected`;
	if (issue.expected === 'never')
		return `${prefix} no such field (it is not part of the schema; check the spelling)`;
	if (issue.input === undefined) return `${prefix} a value (the field is required), got nothing`;
	// Our own messages say what is wanted in words; valibot's defaults start with "Invalid".
	const wanted = issue.message.startsWith('Invalid') ? issue.expected : issue.message;
	// A cross-field check has no single received value worth printing.
	return issue.type === 'check'
		? `${prefix} ${wanted}`
		: `${prefix} ${wanted}, got ${issue.received}`;
}

function parseOne<S extends v.GenericSchema>(
	schema: S,
	source: SourceFile,
	problems: string[]
): v.InferOutput<S> | undefined {
	let json: unknown;
	try {
		json = JSON.parse(source.text);
	} catch (error) {
		problems.push(`${source.file}: not valid JSON (${(error as Error).message})`);
		return undefined;
	}
	const result = v.safeParse(schema, json);
	if (result.success) return result.output;
	for (const issue of result.issues) problems.push(describeIssue(source.file, issue));
	return undefined;
}

function idInside(text: string): string | undefined {
	try {
		const value: unknown = JSON.parse(text);
		if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string')
			return value.id;
	} catch {
		// Not JSON: the file name stands in for the id.
	}
	return undefined;
}

/**
 * Validates every exercise and routine file and the links between them. Throws a DefinitionError
 * listing each problem with its file and field; returns the typed content otherwise.
 */
export function validateContent(exerciseFiles: SourceFile[], routineFiles: SourceFile[]): Content {
	const problems: string[] = [];
	const exercises: Exercise[] = [];
	const exerciseFileById = new Map<string, string>();
	// Ids of files already reported as broken, so a routine naming them is not reported twice.
	const brokenIds = new Set<string>();
	for (const source of exerciseFiles) {
		const exercise = parseOne(ExerciseSchema, source, problems);
		if (!exercise) {
			brokenIds.add(
				idInside(source.text) ?? source.file.replace(/^.*\//, '').replace(/\.json$/, '')
			);
			continue;
		}
		const earlier = exerciseFileById.get(exercise.id);
		if (earlier) {
			problems.push(
				`${source.file}: field "id": expected a unique id, got "${exercise.id}" (also used by ${earlier})`
			);
			continue;
		}
		exerciseFileById.set(exercise.id, source.file);
		exercises.push(exercise);
	}
	const routines: Routine[] = [];
	const routineIds = new Set<string>();
	for (const source of routineFiles) {
		const routine = parseOne(RoutineSchema, source, problems);
		if (!routine) continue;
		if (routineIds.has(routine.id)) {
			problems.push(
				`${source.file}: field "id": expected a unique routine id, got "${routine.id}"`
			);
			continue;
		}
		routineIds.add(routine.id);
		routine.items.forEach((item, index) => {
			if (!exerciseFileById.has(item.exercise) && !brokenIds.has(item.exercise)) {
				problems.push(
					`${source.file}: field "items[${index}].exercise": expected the id of an exercise in routes-data/exercises, got "${item.exercise}"`
				);
			}
		});
		routines.push(routine);
	}
	if (exerciseFiles.length === 0)
		problems.push('routes-data/exercises: expected at least one exercise file, got none');
	if (routineFiles.length === 0)
		problems.push('routes-data/routines: expected at least one routine file, got none');
	if (problems.length > 0) throw new DefinitionError(problems);
	return { exercises, routines };
}

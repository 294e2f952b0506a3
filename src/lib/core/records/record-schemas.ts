import * as v from 'valibot';
import { IdSchema } from '../content/definitions';
import { RED_FLAGS } from './history';
import { CARE_KINDS } from '../care/care-days';

/**
 * The schemas of the records the app keeps (sessions, check-ins, morning answers, resets, red-flag
 * follow-ups, ice and heat). A
 * backup is read with them and saved player state with the same discipline; the types of
 * history.ts are the same as the types inferred here (tests/unit/backup-types.test.ts).
 * Import them with `import type` where only the types are needed, so valibot stays out of pages.
 */

/**
 * The last time a record may carry: the end of the year 9999, the last a four-digit date can
 * name. A later number may still be a Date, but not one every time zone can show (a day east of
 * UTC it is past what a Date can hold, and formatting it throws).
 */
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - 14 * 3_600_000;

export function isRealDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [, year, month, day] = match.map(Number) as [number, number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

const DATE = 'a real calendar date as YYYY-MM-DD';
export const DateSchema = v.pipe(v.string(DATE), v.check(isRealDate, DATE));

const TIME = 'a time in milliseconds since 1970';
export const TimeSchema = v.pipe(
	v.number(TIME),
	v.safeInteger(TIME),
	v.minValue(0, TIME),
	v.maxValue(LAST_TIME, TIME)
);

const SESSION_ID = 'a session id of 1 to 200 characters';
const SessionIdSchema = v.pipe(
	v.string(SESSION_ID),
	v.minLength(1, SESSION_ID),
	v.maxLength(200, SESSION_ID)
);

export const YES_NO = 'true or false';
const PAIN = 'a whole number from 0 to 10';
const LEVEL = 'a whole level from 0 to 10000';

const SideSchema = v.picklist(['left', 'right', 'both'], 'left, right or both');
const RedFlagsSchema = v.array(
	v.picklist(RED_FLAGS, `one of the warning signs ${RED_FLAGS.join(', ')}`),
	'a list of warning signs'
);

export const ExerciseResultSchema = v.strictObject({
	exerciseId: IdSchema,
	side: SideSchema,
	completed: v.boolean(YES_NO),
	stoppedForPain: v.boolean(YES_NO),
	tooMuch: v.optional(v.boolean(YES_NO)),
	level: v.pipe(
		v.number(LEVEL),
		v.safeInteger(LEVEL),
		v.minValue(0, LEVEL),
		v.maxValue(10_000, LEVEL)
	)
});

export const SessionSchema = v.pipe(
	v.strictObject({
		id: SessionIdSchema,
		date: DateSchema,
		startedAt: TimeSchema,
		endedAt: TimeSchema,
		routineId: IdSchema,
		results: v.array(ExerciseResultSchema, 'a list of exercise results'),
		endedEarly: v.boolean(YES_NO)
	}),
	v.forward(
		v.check((s) => s.endedAt >= s.startedAt, 'a time no earlier than the start (startedAt)'),
		['endedAt']
	)
);

export const CheckInSchema = v.strictObject({
	sessionId: SessionIdSchema,
	date: DateSchema,
	at: TimeSchema,
	pain: v.pipe(v.number(PAIN), v.integer(PAIN), v.minValue(0, PAIN), v.maxValue(10, PAIN)),
	flags: v.array(
		v.strictObject({
			exerciseId: IdSchema,
			side: SideSchema,
			flag: v.picklist(['too-much', 'too-easy'], '"too-much" or "too-easy"')
		}),
		'a list of exercise flags'
	),
	redFlags: RedFlagsSchema
});

export const MorningAnswerSchema = v.strictObject({
	date: DateSchema,
	at: TimeSchema,
	feeling: v.picklist(['better', 'same', 'worse'], 'better, same or worse'),
	redFlags: RedFlagsSchema
});

export const ProgressionResetSchema = v.strictObject({
	exerciseId: IdSchema,
	date: DateSchema,
	at: TimeSchema
});

/** An answer to "have these signs gone?" after red flags stopped the routine. */
export const RedFlagFollowUpSchema = v.strictObject({
	date: DateSchema,
	at: TimeSchema,
	answer: v.picklist(
		['gone', 'clinician-seen', 'still-there'],
		'gone, clinician-seen or still-there'
	)
});

export type SessionRecordData = v.InferOutput<typeof SessionSchema>;
export type CheckInData = v.InferOutput<typeof CheckInSchema>;
export type MorningAnswerData = v.InferOutput<typeof MorningAnswerSchema>;
export type ProgressionResetData = v.InferOutput<typeof ProgressionResetSchema>;
export type RedFlagFollowUpData = v.InferOutput<typeof RedFlagFollowUpSchema>;

const APPLIED_MINUTES = 'a whole number of minutes from 0 to 120';

export const CareApplicationSchema = v.pipe(
	v.strictObject({
		date: DateSchema,
		kind: v.picklist(CARE_KINDS, 'ice or heat'),
		minutes: v.pipe(
			v.number(APPLIED_MINUTES),
			v.integer(APPLIED_MINUTES),
			v.minValue(0, APPLIED_MINUTES),
			v.maxValue(120, APPLIED_MINUTES)
		),
		startedAt: TimeSchema,
		endedAt: TimeSchema
	}),
	v.forward(
		v.check((a) => a.endedAt >= a.startedAt, 'a time no earlier than the start (startedAt)'),
		['endedAt']
	)
);

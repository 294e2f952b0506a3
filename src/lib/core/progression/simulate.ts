import { BUDGET_MINUTES, DEFAULT_BUDGET_MINUTES } from './budget';
import { addDays } from '../time/calendar';
import type { Exercise, Routine } from '../content/definitions';
import {
	RED_FLAGS,
	type CheckIn,
	type ExerciseResult,
	type History,
	type LocalDate,
	type MorningFeeling,
	type RedFlag,
	type SessionRecord,
	type Side
} from '../records/history';
import { dayPlan, type ChangeKind, type DayPlan, type ReplayCache } from './progression';

/**
 * The simulator: what the app would prescribe each day for a
 * diary of days, computed by the same progression the app runs. Each day's plan is the one shown
 * that morning, after the morning answer; the session is done at 18:00 at the doses of that plan
 * and checked in at once.
 */

export interface DiarySession {
	pain: number;
	endedForPain?: true;
	tooMuch?: { exercise: string; side?: 'left' | 'right' }[];
	skipped?: string[];
	redFlags?: RedFlag[];
}

export interface DiaryDay {
	morning?: MorningFeeling;
	morningRedFlags?: RedFlag[];
	allClear?: true;
	session?: DiarySession;
}

export interface Diary {
	start: LocalDate;
	budgetMinutes?: number;
	days: DiaryDay[];
}

export type SimulatedChange = 'up' | 'hold' | 'down' | 'start';

export interface SimulatedExercise {
	id: string;
	side: Side;
	level: number;
	workSeconds: number;
	dials: Record<string, number | string>;
	change: SimulatedChange;
	reason: string;
}

export interface SimulatedDay {
	date: LocalDate;
	stopped: boolean;
	urgent: boolean;
	flare: boolean;
	minutes: number;
	/** The routine takes longer than the budget: the exercises the app says to leave out. */
	leaveOut?: string[];
	exercises: SimulatedExercise[];
}

export interface Simulation {
	days: SimulatedDay[];
}

/** A diary that does not follow the format: the message names the day and the field. */
export class DiaryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DiaryError';
	}
}

const FEELINGS: readonly MorningFeeling[] = ['better', 'same', 'worse'];
const DAY_FIELDS = ['morning', 'morningRedFlags', 'allClear', 'session'];
const SESSION_FIELDS = ['pain', 'endedForPain', 'tooMuch', 'skipped', 'redFlags'];

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
	return value === undefined ? 'nothing' : JSON.stringify(value);
}

function isDate(value: unknown): value is LocalDate {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const time = Date.parse(`${value}T00:00:00Z`);
	return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Checks a parsed diary against the format and returns it typed; throws a DiaryError naming the
 * day (its index and date) and the field otherwise.
 */
export function parseDiary(value: unknown, exerciseIds: ReadonlySet<string>): Diary {
	const fail = (where: string, field: string, wanted: string, got: unknown): never => {
		throw new DiaryError(`${where}: field "${field}": expected ${wanted}, got ${shown(got)}`);
	};
	if (!isObject(value)) return fail('diary', '(the whole file)', 'an object', value);
	for (const key of Object.keys(value))
		if (!['start', 'budgetMinutes', 'days'].includes(key))
			fail('diary', key, 'no such field (start, budgetMinutes, days)', value[key]);
	if (!isDate(value.start)) fail('diary', 'start', 'a date "YYYY-MM-DD"', value.start);
	const start = value.start as LocalDate;
	if (
		value.budgetMinutes !== undefined &&
		!BUDGET_MINUTES.includes(value.budgetMinutes as (typeof BUDGET_MINUTES)[number])
	)
		fail('diary', 'budgetMinutes', `one of ${BUDGET_MINUTES.join(', ')}`, value.budgetMinutes);
	if (!Array.isArray(value.days)) fail('diary', 'days', 'an array of days', value.days);
	const redFlagList = (where: string, field: string, list: unknown): RedFlag[] => {
		if (!Array.isArray(list) || list.some((f) => !RED_FLAGS.includes(f as RedFlag)))
			fail(where, field, `a list of red flags (${RED_FLAGS.join(', ')})`, list);
		return list as RedFlag[];
	};
	const days = (value.days as unknown[]).map((raw, index): DiaryDay => {
		const where = `day ${index} (${addDays(start, index)})`;
		if (!isObject(raw)) return fail(where, '(the day)', 'an object', raw);
		for (const key of Object.keys(raw))
			if (!DAY_FIELDS.includes(key))
				fail(where, key, `no such field (${DAY_FIELDS.join(', ')})`, raw[key]);
		const day: DiaryDay = {};
		if (raw.morning !== undefined) {
			if (!FEELINGS.includes(raw.morning as MorningFeeling))
				fail(where, 'morning', '"better", "same" or "worse"', raw.morning);
			day.morning = raw.morning as MorningFeeling;
		}
		if (raw.morningRedFlags !== undefined) {
			day.morningRedFlags = redFlagList(where, 'morningRedFlags', raw.morningRedFlags);
			if (day.morning === undefined)
				fail(where, 'morning', 'a morning answer to go with "morningRedFlags"', raw.morning);
		}
		if (raw.allClear !== undefined) {
			if (raw.allClear !== true) fail(where, 'allClear', 'true', raw.allClear);
			day.allClear = true;
		}
		if (raw.session !== undefined) {
			const s = raw.session;
			if (!isObject(s)) return fail(where, 'session', 'an object', s);
			for (const key of Object.keys(s))
				if (!SESSION_FIELDS.includes(key))
					fail(where, `session.${key}`, `no such field (${SESSION_FIELDS.join(', ')})`, s[key]);
			if (typeof s.pain !== 'number' || !Number.isInteger(s.pain) || s.pain < 0 || s.pain > 10)
				fail(where, 'session.pain', 'a whole number from 0 to 10', s.pain);
			const session: DiarySession = { pain: s.pain as number };
			if (s.endedForPain !== undefined) {
				if (s.endedForPain !== true) fail(where, 'session.endedForPain', 'true', s.endedForPain);
				session.endedForPain = true;
			}
			if (s.tooMuch !== undefined) {
				if (!Array.isArray(s.tooMuch))
					fail(where, 'session.tooMuch', 'a list of { exercise, side? }', s.tooMuch);
				session.tooMuch = (s.tooMuch as unknown[]).map((entry, i) => {
					const field = `session.tooMuch[${i}]`;
					if (!isObject(entry) || !exerciseIds.has(entry.exercise as string))
						return fail(
							where,
							`${field}.exercise`,
							'the id of an exercise',
							(entry as { exercise?: unknown })?.exercise
						);
					if (entry.side !== undefined && entry.side !== 'left' && entry.side !== 'right')
						fail(where, `${field}.side`, '"left" or "right"', entry.side);
					return {
						exercise: entry.exercise as string,
						...(entry.side ? { side: entry.side as 'left' | 'right' } : {})
					};
				});
			}
			if (s.skipped !== undefined) {
				if (
					!Array.isArray(s.skipped) ||
					s.skipped.some((id) => typeof id !== 'string' || !exerciseIds.has(id))
				)
					fail(where, 'session.skipped', 'a list of exercise ids', s.skipped);
				session.skipped = s.skipped as string[];
			}
			if (s.redFlags !== undefined)
				session.redFlags = redFlagList(where, 'session.redFlags', s.redFlags);
			day.session = session;
		}
		return day;
	});
	return {
		start,
		...(value.budgetMinutes !== undefined ? { budgetMinutes: value.budgetMinutes as number } : {}),
		days
	};
}

const CHANGE_WORDS: Record<ChangeKind, SimulatedChange> = {
	start: 'start',
	advance: 'up',
	hold: 'hold',
	'step-back': 'down'
};

function at(date: LocalDate, time: string): number {
	return Date.parse(`${date}T${time}:00Z`);
}

function dayOf(plan: DayPlan): SimulatedDay {
	return {
		date: plan.date,
		stopped: plan.stop !== undefined,
		urgent: plan.stop?.urgent ?? false,
		flare: plan.flare !== undefined,
		minutes: Math.round((plan.seconds / 60) * 10) / 10,
		...(plan.leaveOut.length > 0 ? { leaveOut: plan.leaveOut } : {}),
		exercises: plan.exercises.flatMap((exercise) =>
			exercise.sides.map((side) => ({
				id: exercise.exerciseId,
				side: side.side,
				level: side.level,
				workSeconds: side.workSeconds,
				dials: Object.fromEntries(side.dials.map((d) => [d.label, d.names?.[d.value] ?? d.value])),
				change: CHANGE_WORDS[side.change.kind],
				reason: side.change.text
			}))
		)
	};
}

/** The session of a diary day, done at the plan's doses, and its check-in. */
function sessionOf(
	plan: DayPlan,
	session: DiarySession,
	id: string
): { record: SessionRecord; checkIn: CheckIn } {
	const skipped = new Set(session.skipped ?? []);
	const results: ExerciseResult[] = plan.exercises.flatMap((exercise) =>
		exercise.sides.map((side) => ({
			exerciseId: exercise.exerciseId,
			side: side.side,
			completed: !skipped.has(exercise.exerciseId),
			stoppedForPain: false,
			level: side.level
		}))
	);
	if (session.endedForPain) {
		// Ended for pain during the last exercise that was not skipped, on its last side.
		const last = results.findLast((r) => r.completed);
		if (last) {
			last.completed = false;
			last.stoppedForPain = true;
		}
	}
	const startedAt = at(plan.date, '18:00');
	const endedAt = startedAt + Math.round(plan.seconds * 1000);
	return {
		record: {
			id,
			date: plan.date,
			startedAt,
			endedAt,
			routineId: 'daily',
			results,
			endedEarly: session.endedForPain === true
		},
		checkIn: {
			sessionId: id,
			date: plan.date,
			at: endedAt + 60_000,
			pain: session.pain,
			flags: (session.tooMuch ?? []).map((t) => ({
				exerciseId: t.exercise,
				side: t.side ?? 'both',
				flag: 'too-much' as const
			})),
			redFlags: session.redFlags ?? []
		}
	};
}

/** Every day of the diary as the app would plan it. */
export function simulate(
	diary: Diary,
	exercises: ReadonlyMap<string, Exercise>,
	routine: Routine
): Simulation {
	const history: Required<History> = {
		sessions: [],
		checkIns: [],
		mornings: [],
		resets: [],
		followUps: []
	};
	const budgetMinutes = diary.budgetMinutes ?? DEFAULT_BUDGET_MINUTES;
	// The history only grows by later records, so each day's replay starts where the last settled.
	const cache: ReplayCache = {};
	const days = diary.days.map((day, index) => {
		const date = addDays(diary.start, index);
		if (day.morning)
			history.mornings.push({
				date,
				at: at(date, '08:00'),
				feeling: day.morning,
				redFlags: day.morningRedFlags ?? []
			});
		if (day.allClear) history.followUps.push({ date, at: at(date, '08:05'), answer: 'gone' });
		const plan = dayPlan({ exercises, routine, history, today: date, budgetMinutes, cache });
		if (day.session && !plan.stop) {
			const { record, checkIn } = sessionOf(plan, day.session, `s${index}`);
			history.sessions.push(record);
			history.checkIns.push(checkIn);
		}
		return dayOf(plan);
	});
	return { days };
}

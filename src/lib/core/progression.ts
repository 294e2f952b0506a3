import type { Exercise, Routine } from './definitions';
import { addDays, daysBetween } from './calendar';
import { flareAt, flarePeriods, type FlarePeriod } from './flare';
import {
	clampLevel,
	describeDials,
	dialsAtLevel,
	formatDelta,
	prescription,
	topLevel,
	type DialValue,
	type Prescription
} from './dose';
import {
	URGENT_RED_FLAGS,
	type CheckIn,
	type ExerciseFlag,
	type History,
	type LocalDate,
	type MorningAnswer,
	type MorningFeeling,
	type ProgressionReset,
	type RedFlag,
	type SessionRecord,
	type Side
} from './history';

/**
 * Gradual progression (docs/architecture.md, "The progression rules") as a pure replay of the
 * history: every session day is judged by its check-in and the next morning's answer, and the
 * judgement moves each exercise's ladder level by at most one step for the next day.
 */

/** Each missed week after the last session steps back one level, up to this many. */
export const MAX_BREAK_STEPS = 4;
export const LOW_PAIN_MAX = 2;
export const MODERATE_PAIN_MAX = 5;
export const RED_FLAG_PAIN = 8;

export type ChangeReason =
	| 'first-day'
	| 'low-pain'
	| 'too-easy'
	| 'at-max'
	| 'moderate-pain'
	| 'too-much'
	| 'too-much-twice'
	| 'not-completed'
	| 'no-check-in'
	| 'awaiting-morning'
	| 'advanced-recently'
	| 'high-pain'
	| 'stopped-for-pain'
	| 'too-much-mid-hold'
	| 'flare'
	| 'morning-worse'
	| 'red-flag'
	| 'break'
	| 'not-done'
	| 'reset';

export type ChangeKind = 'start' | 'advance' | 'hold' | 'step-back';

export interface DialStep {
	kind: DialValue['kind'];
	label: string;
	unit: DialValue['unit'];
	from: number;
	to: number;
}

export interface DoseChange {
	kind: ChangeKind;
	reason: ChangeReason;
	/** Levels moved: +1, 0, or negative. */
	delta: number;
	/** The dials that moved, with their old and new values. */
	dials: DialStep[];
	/** The same in plain words, e.g. "1/10 pain yesterday and your back felt the same this morning: twist +2°". */
	text: string;
}

export interface SideDose {
	side: Side;
	level: number;
	topLevel: number;
	dials: DialValue[];
	prescription: Prescription;
	change: DoseChange;
}

export interface ExerciseDose {
	exerciseId: string;
	name: string;
	sides: SideDose[];
}

export interface RedFlagStop {
	redFlags: RedFlag[];
	/** Bladder, bowel or saddle symptoms: seek care now. */
	urgent: boolean;
	/** The day the red flags were reported. */
	reportedOn: LocalDate;
}

export interface FlareCare {
	since: LocalDate;
	/** Exercises of the routine left out until the flare settles. */
	leftOut: string[];
}

export interface DayPlan {
	date: LocalDate;
	/** The exercises to do today, in order (fewer during a flare). */
	exercises: ExerciseDose[];
	/** Two painful days in a row: the gentlest routine at doses that felt fine. */
	flare?: FlareCare;
	/** Every flare so far, for history and the report. */
	flares: FlarePeriod[];
	/** Red flags were reported last: the routine must not start; see a clinician. */
	stop?: RedFlagStop;
	/** A session on an earlier day has no morning answer yet: ask how the back feels first. */
	askMorning: boolean;
	/** The day of the most recent session before today, if any. */
	lastSessionDay?: LocalDate;
}

/** One ladder level per exercise and side, at the start of a day. */
export interface LadderPoint {
	date: LocalDate;
	level: number;
	change: DoseChange;
}

export interface ProgressionInput {
	exercises: ReadonlyMap<string, Exercise>;
	routine: Routine;
	history: History;
	today: LocalDate;
}

export function sidesOf(exercise: Exercise): Side[] {
	return exercise.sides === 'per-side' ? ['left', 'right'] : ['both'];
}

export function ladderKey(exerciseId: string, side: Side): string {
	return `${exerciseId}:${side}`;
}

interface LadderState {
	level: number;
	/** The level of the latest session that went well enough to hold or advance. */
	tolerated: number;
	/** The first day of the latest advance. */
	advancedOn?: LocalDate;
	/** The previous session day's judgement was "too much". */
	tooMuchBefore: boolean;
}

/** What happened to one exercise side on one session day. */
interface DayOutcome {
	done: boolean;
	completed: boolean;
	stoppedForPain: boolean;
	/** A hold was ended early with the "too much" button. */
	tooMuch: boolean;
	flag?: ExerciseFlag;
}

interface DayReport {
	date: LocalDate;
	pain?: number;
	redFlags: RedFlag[];
	sessions: SessionRecord[];
	checkIns: CheckIn[];
}

function groupSessionDays(history: History, before: LocalDate): DayReport[] {
	const byDay = new Map<LocalDate, DayReport>();
	for (const session of history.sessions) {
		if (session.date >= before) continue;
		const day = byDay.get(session.date) ?? {
			date: session.date,
			redFlags: [],
			sessions: [],
			checkIns: []
		};
		day.sessions.push(session);
		byDay.set(session.date, day);
	}
	const sessionDay = new Map(history.sessions.map((s) => [s.id, s.date]));
	for (const checkIn of history.checkIns) {
		const day = byDay.get(sessionDay.get(checkIn.sessionId) ?? checkIn.date);
		if (!day) continue;
		day.checkIns.push(checkIn);
		day.pain = Math.max(day.pain ?? 0, checkIn.pain);
		for (const flag of checkIn.redFlags) if (!day.redFlags.includes(flag)) day.redFlags.push(flag);
	}
	return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function outcomeOf(day: DayReport, exerciseId: string, side: Side): DayOutcome {
	const results = day.sessions.flatMap((s) =>
		s.results.filter((r) => r.exerciseId === exerciseId && r.side === side)
	);
	const flags = day.checkIns.flatMap((c) =>
		c.flags.filter((f) => f.exerciseId === exerciseId && (f.side === side || f.side === 'both'))
	);
	const flag: ExerciseFlag | undefined = flags.some((f) => f.flag === 'too-much')
		? 'too-much'
		: flags.some((f) => f.flag === 'too-easy')
			? 'too-easy'
			: undefined;
	return {
		done: results.length > 0,
		completed: results.length > 0 && results.every((r) => r.completed),
		stoppedForPain: results.some((r) => r.stoppedForPain),
		tooMuch: results.some((r) => r.tooMuch === true),
		...(flag ? { flag } : {})
	};
}

function byDayThenTime(a: MorningAnswer, b: MorningAnswer): number {
	return a.date === b.date ? a.at - b.at : a.date < b.date ? -1 : 1;
}

/**
 * The morning answer that judges a session day: the first one after it, up to `until`.
 * `sorted` is by day and then by time (byDayThenTime), so a binary search finds it: years of
 * daily history would otherwise be filtered once per session day.
 */
function morningAfter(
	sorted: readonly MorningAnswer[],
	day: LocalDate,
	until: LocalDate
): MorningAnswer | undefined {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]!.date > day) high = middle;
		else low = middle + 1;
	}
	const first = sorted[low];
	return first && first.date <= until ? first : undefined;
}

/**
 * dialsAtLevel for the replay's own comparisons, computed once per exercise and level. The
 * arrays are shared, so they are only read; what a plan hands out is computed afresh.
 */
const dialsSeen = new WeakMap<Exercise, Map<number, DialValue[]>>();

function dialsOf(exercise: Exercise, level: number): DialValue[] {
	let byLevel = dialsSeen.get(exercise);
	if (!byLevel) {
		byLevel = new Map();
		dialsSeen.set(exercise, byLevel);
	}
	let dials = byLevel.get(level);
	if (!dials) {
		dials = dialsAtLevel(exercise.dials, level);
		byLevel.set(level, dials);
	}
	return dials;
}

interface Judgement {
	delta: -1 | 0 | 1;
	reason: ChangeReason;
}

/** The rules, in order of precedence: safety first, then holding, then advancing. */
function judge(
	state: LadderState,
	outcome: DayOutcome,
	day: DayReport,
	morning: MorningAnswer | undefined,
	effectiveOn: LocalDate,
	top: number
): Judgement {
	if (!outcome.done) return { delta: 0, reason: 'not-done' };
	const pain = day.pain;
	if (day.redFlags.length > 0 || (pain !== undefined && pain >= RED_FLAG_PAIN))
		return { delta: -1, reason: 'red-flag' };
	if (pain !== undefined && pain > MODERATE_PAIN_MAX) return { delta: -1, reason: 'high-pain' };
	if (outcome.stoppedForPain) return { delta: -1, reason: 'stopped-for-pain' };
	if (outcome.tooMuch) return { delta: -1, reason: 'too-much-mid-hold' };
	if (morning?.feeling === 'worse') return { delta: -1, reason: 'morning-worse' };
	if (morning && morning.redFlags.length > 0) return { delta: -1, reason: 'red-flag' };
	if (pain !== undefined && pain > LOW_PAIN_MAX) return { delta: 0, reason: 'moderate-pain' };
	if (outcome.flag === 'too-much')
		return state.tooMuchBefore
			? { delta: -1, reason: 'too-much-twice' }
			: { delta: 0, reason: 'too-much' };
	if (pain === undefined) return { delta: 0, reason: 'no-check-in' };
	if (!outcome.completed) return { delta: 0, reason: 'not-completed' };
	if (!morning && outcome.flag !== 'too-easy') return { delta: 0, reason: 'awaiting-morning' };
	if (state.advancedOn && daysBetween(state.advancedOn, effectiveOn) < 1)
		return { delta: 0, reason: 'advanced-recently' };
	if (state.level >= top) return { delta: 0, reason: 'at-max' };
	return { delta: 1, reason: morning ? 'low-pain' : 'too-easy' };
}

function whenWords(from: LocalDate, to: LocalDate): string {
	const days = daysBetween(from, to);
	return days === 1 ? 'yesterday' : `last time (${days} days ago)`;
}

function resetWords(on: LocalDate, today: LocalDate): string {
	const days = daysBetween(on, today);
	return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * The latest reset of an exercise after one session day and up to the day its judgement takes
 * effect: it wins over the judgement, whatever the judgement was.
 */
function resetBetween(
	resets: readonly ProgressionReset[],
	exerciseId: string,
	after: LocalDate,
	upTo: LocalDate
): ProgressionReset | undefined {
	return resets
		.filter((r) => r.exerciseId === exerciseId && r.date > after && r.date <= upTo)
		.reduce<ProgressionReset | undefined>(
			(latest, r) => (latest === undefined || r.date >= latest.date ? r : latest),
			undefined
		);
}

function feelingWords(feeling: MorningFeeling): string {
	return feeling === 'same' ? 'the same' : feeling;
}

function dialWords(steps: DialStep[]): string {
	return steps.map((s) => `${s.label} ${formatDelta(s.unit, s.to - s.from)}`).join(', ');
}

interface Explained {
	kind: ChangeKind;
	text: string;
}

function explain(
	reason: ChangeReason,
	context: {
		day?: DayReport;
		morning?: MorningAnswer;
		today: LocalDate;
		steps: DialStep[];
		after: DialValue[];
		missedWeeks?: number;
		resetOn?: LocalDate;
	}
): Explained {
	const { day, morning, today, steps, after } = context;
	const pain = day?.pain;
	const when = day ? whenWords(day.date, today) : '';
	const moved = steps.length > 0 ? dialWords(steps) : '';
	const painWhen = pain === undefined ? '' : `${pain}/10 pain ${when}`;
	const stepBack = moved ? `: ${moved}` : ': already at the gentlest dose';
	switch (reason) {
		case 'first-day':
			return { kind: 'start', text: 'Starting gently, at the beginner’s dose' };
		case 'low-pain':
			return {
				kind: 'advance',
				text: `${painWhen} and your back felt ${feelingWords(morning?.feeling ?? 'same')} this morning: ${moved}`
			};
		case 'too-easy':
			return { kind: 'advance', text: `You marked it too easy with ${painWhen}: ${moved}` };
		case 'at-max':
			return { kind: 'hold', text: `At the full dose: ${describeDials(after)}. Keep it steady.` };
		case 'moderate-pain':
			return { kind: 'hold', text: `${painWhen}: staying at the same dose until it settles` };
		case 'too-much':
			return { kind: 'hold', text: `You marked it too much ${when}: staying at the same dose` };
		case 'too-much-twice':
			return { kind: 'step-back', text: `Too much twice in a row${stepBack}` };
		case 'not-completed':
			return { kind: 'hold', text: `Not finished ${when}: same dose again` };
		case 'no-check-in':
			return { kind: 'hold', text: `No check-in ${when}: same dose again` };
		case 'awaiting-morning':
			return {
				kind: 'hold',
				text: `${painWhen}; tell us how your back feels this morning before it goes up`
			};
		case 'advanced-recently':
			return { kind: 'hold', text: `Went up ${when}: one step a day at most` };
		case 'high-pain':
			return { kind: 'step-back', text: `${painWhen}${stepBack} to let it settle` };
		case 'stopped-for-pain':
			return { kind: 'step-back', text: `Stopped for pain ${when}${stepBack}` };
		case 'too-much-mid-hold':
			return {
				kind: 'step-back',
				text: `You said “too much” during it ${when}${moved ? `: ${moved} next time` : ': staying at the gentlest dose'}`
			};
		case 'flare':
			return {
				kind: 'hold',
				text: 'Flare care: back to a dose that felt fine, and no increases until two comfortable days'
			};
		case 'morning-worse':
			return { kind: 'step-back', text: `Your back felt worse this morning${stepBack}` };
		case 'red-flag':
			return { kind: 'step-back', text: `Warning signs were reported ${when}${stepBack}` };
		case 'break': {
			const weeks = context.missedWeeks ?? 1;
			return {
				kind: 'step-back',
				text: `Welcome back after ${weeks} ${weeks === 1 ? 'week' : 'weeks'} away${stepBack}, to rebuild safely`
			};
		}
		case 'not-done':
			return { kind: 'hold', text: `Not done ${when}: same dose` };
		case 'reset':
			return {
				kind: 'start',
				text: `You started this exercise again from the beginning ${resetWords(context.resetOn ?? today, today)}: ${describeDials(after)}`
			};
	}
}

function changeOf(
	exercise: Exercise,
	before: number,
	after: number,
	reason: ChangeReason,
	context: Omit<Parameters<typeof explain>[1], 'steps' | 'after'>
): DoseChange {
	const beforeDials = dialsOf(exercise, before);
	const afterDials = dialsOf(exercise, after);
	const steps: DialStep[] = afterDials
		.map((d, i) => ({
			kind: d.kind,
			label: d.label,
			unit: d.unit,
			from: beforeDials[i]!.value,
			to: d.value
		}))
		.filter((s) => s.from !== s.to);
	const explained = explain(reason, { ...context, steps, after: afterDials });
	return {
		kind: explained.kind,
		reason,
		delta: after - before,
		dials: steps,
		text: explained.text
	};
}

export interface Replay {
	/** The ladder of each exercise side (keyed by ladderKey), one point per session day and today. */
	ladders: Map<string, LadderPoint[]>;
	plan: DayPlan;
}

/**
 * Replays the whole history up to (not including) `today` and returns today's plan with the
 * ladder of every exercise side over time, for charts and reports.
 */
export function replay(input: ProgressionInput): Replay {
	const { exercises, routine, history, today } = input;
	const days = groupSessionDays(history, today);
	const resets = history.resets ?? [];
	const mornings = [...history.mornings].sort(byDayThenTime);
	const routineExercises = routine.items
		.map((item) => exercises.get(item.exercise))
		.filter((e): e is Exercise => e !== undefined);
	const ladders = new Map<string, LadderPoint[]>();
	const states = new Map<string, LadderState>();
	const lastChange = new Map<string, DoseChange>();

	for (const exercise of routineExercises) {
		for (const side of sidesOf(exercise)) {
			const key = ladderKey(exercise.id, side);
			states.set(key, { level: 0, tolerated: 0, tooMuchBefore: false });
			lastChange.set(key, changeOf(exercise, 0, 0, 'first-day', { today }));
		}
	}

	const flares = flarePeriods(history, today);
	const sessionDates = days.map((d) => d.date);
	days.forEach((day, index) => {
		const effectiveOn = sessionDates[index + 1] ?? today;
		const morning = morningAfter(mornings, day.date, effectiveOn);
		const inFlare = flareAt(flares, effectiveOn) !== undefined;
		for (const exercise of routineExercises) {
			const top = topLevel(exercise.dials);
			for (const side of sidesOf(exercise)) {
				const key = ladderKey(exercise.id, side);
				const state = states.get(key)!;
				// The level the session was done at is the one the replay reached for that day.
				const points = ladders.get(key) ?? [];
				points.push({ date: day.date, level: state.level, change: lastChange.get(key)! });
				ladders.set(key, points);

				const outcome = outcomeOf(day, exercise.id, side);
				const judged = judge(state, outcome, day, morning, effectiveOn, top);
				// No increases during a flare, however good one day was.
				const judgement: Judgement =
					inFlare && judged.delta > 0 ? { delta: 0, reason: 'flare' } : judged;
				const before = state.level;
				if (outcome.done && judgement.delta >= 0 && judgement.reason !== 'moderate-pain')
					state.tolerated = before;
				let after = clampLevel(exercise.dials, before + judgement.delta);
				let reason = judgement.reason;
				const context = { day, today: effectiveOn, ...(morning ? { morning } : {}) };
				let change = changeOf(exercise, before, after, reason, context);

				const gap = daysBetween(day.date, effectiveOn);
				const missedWeeks = Math.min(MAX_BREAK_STEPS, Math.floor(gap / 7));
				if (missedWeeks > 0) {
					after = clampLevel(exercise.dials, after - missedWeeks);
					reason = 'break';
					change = changeOf(exercise, before, after, reason, { ...context, missedWeeks });
				}
				if (after > before) state.advancedOn = effectiveOn;
				if (outcome.done) state.tooMuchBefore = judgement.reason === 'too-much';
				const reset = resetBetween(resets, exercise.id, day.date, effectiveOn);
				if (reset) {
					after = 0;
					change = changeOf(exercise, before, after, 'reset', { ...context, resetOn: reset.date });
					// A fresh start: nothing from before the reset holds the next step back.
					delete state.advancedOn;
					state.tooMuchBefore = false;
				}
				state.level = after;
				lastChange.set(key, change);
			}
		}
	});

	const flare = flareAt(flares, today);
	// During a flare: the warm-up and the gentle stretches only, at the last tolerated doses.
	const todays = flare
		? routineExercises.filter((e) => e.category !== 'strength')
		: routineExercises;
	const exerciseDoses: ExerciseDose[] = todays.map((exercise) => ({
		exerciseId: exercise.id,
		name: exercise.name,
		sides: sidesOf(exercise).map((side) => {
			const key = ladderKey(exercise.id, side);
			const state = states.get(key)!;
			const level = flare ? Math.min(state.level, state.tolerated) : state.level;
			const change =
				flare && level < state.level
					? changeOf(exercise, state.level, level, 'flare', { today })
					: lastChange.get(key)!;
			const points = ladders.get(key) ?? [];
			points.push({ date: today, level, change });
			ladders.set(key, points);
			return {
				side,
				level,
				topLevel: topLevel(exercise.dials),
				dials: dialsAtLevel(exercise.dials, level),
				prescription: prescription(exercise, level),
				change
			};
		})
	}));

	const lastSessionDay = days.at(-1)?.date;
	const answeredSince =
		lastSessionDay !== undefined && morningAfter(mornings, lastSessionDay, today) !== undefined;
	const stop = redFlagStop(history, today);
	return {
		ladders,
		plan: {
			date: today,
			exercises: exerciseDoses,
			flares,
			...(flare
				? {
						flare: {
							since: flare.from,
							leftOut: routineExercises.filter((e) => !todays.includes(e)).map((e) => e.id)
						}
					}
				: {}),
			askMorning: lastSessionDay !== undefined && !answeredSince,
			...(lastSessionDay ? { lastSessionDay } : {}),
			...(stop ? { stop } : {})
		}
	};
}

/** Today's dose of every exercise in the routine, with what changed and why. */
export function dayPlan(input: ProgressionInput): DayPlan {
	return replay(input).plan;
}

/**
 * Red flags stop the routine until a later answer (a check-in or a morning answer) reports none.
 * Pain of 8/10 or more during a routine counts as a red flag.
 */
export function redFlagStop(history: History, today: LocalDate): RedFlagStop | undefined {
	type Report = { date: LocalDate; at: number; redFlags: RedFlag[] };
	const reports: Report[] = [
		...history.checkIns.map((c) => ({
			date: c.date,
			at: c.at,
			redFlags:
				c.pain >= RED_FLAG_PAIN && !c.redFlags.includes('pain-8-plus')
					? [...c.redFlags, 'pain-8-plus' as const]
					: c.redFlags
		})),
		...history.mornings.map((m) => ({ date: m.date, at: m.at, redFlags: m.redFlags }))
	].filter((r) => r.date <= today);
	const latest = reports.sort((a, b) => a.at - b.at).at(-1);
	if (!latest || latest.redFlags.length === 0) return undefined;
	return {
		redFlags: latest.redFlags,
		urgent: latest.redFlags.some((f) => URGENT_RED_FLAGS.includes(f)),
		reportedOn: latest.date
	};
}

/**
 * Tomorrow's plan if the person's back feels the same tomorrow morning: what the summary after a
 * session shows under "what changes next time".
 */
export function tomorrowPlan(input: ProgressionInput): DayPlan {
	const tomorrow = addDays(input.today, 1);
	const assumed: MorningAnswer = {
		date: tomorrow,
		at: Number.MAX_SAFE_INTEGER,
		feeling: 'same',
		redFlags: []
	};
	const answered = input.history.mornings.some((m) => m.date === tomorrow);
	const history = answered
		? input.history
		: { ...input.history, mornings: [...input.history.mornings, assumed] };
	const { stop: _assumedAway, ...plan } = dayPlan({ ...input, history, today: tomorrow });
	const stop = redFlagStop(input.history, tomorrow);
	return stop ? { ...plan, stop } : plan;
}

import type { Exercise, Routine } from '../content/definitions';
import { addDays, daysBetween } from '../time/calendar';
import { explain, type ExplainContext, type Explained } from './progression-words';
import {
	definitionsKey,
	recordsKeys,
	type CheckpointRequest,
	type LadderState,
	type ReplayCheckpoint
} from './checkpoint';
import { RED_FLAG_PAIN, isRedFlagPain, isUrgent } from './red-flags';
import {
	byDayThenTime,
	firstAfter,
	inDayOrder,
	ladderKey,
	morningAfter,
	sidesOf,
	painByDay,
	redFlagAnswers,
	checkInDays,
	type RedFlagAnswer,
	routineExercises as exercisesOf
} from './session-days';
import { flareAt, flarePeriods, type FlareCursor, type FlarePeriod } from './flare';
import {
	clampLevel,
	dialsAtLevel,
	prescription,
	topLevel,
	workSeconds,
	type DialValue,
	type LadderOptions,
	type Prescription
} from './dose';
import { DEFAULT_BUDGET_MINUTES, budgetFor, routineSeconds } from './budget';
import { FAMILIAR_AFTER_TIMES, timesDoneByExercise } from '../player/player-steps';
import {
	type CheckIn,
	type ExerciseFlag,
	type History,
	type LocalDate,
	type MorningAnswer,
	type ProgressionReset,
	type RedFlag,
	type SessionRecord,
	type Side
} from '../records/history';

/**
 * Gradual progression (docs/architecture.md, "The progression rules") as a pure replay of the
 * history: every session day is judged by its check-in and the next morning's answer, and the
 * judgement moves each exercise's ladder level by at most one step for the next day.
 */

/** Weeks away after which an exercise side returns at half its level at most. */
export const HALF_AFTER_WEEKS = 4;
/** Weeks away after which an exercise side starts again from the beginning. */
export const RESTART_AFTER_WEEKS = 8;
/** The morning after a session: at least this long after it ended, and on a later day. */
export const MORNING_AFTER_MIN_MS = 6 * 3_600_000;
/** ... and no longer than this after it ended. */
export const MORNING_AFTER_MAX_MS = 36 * 3_600_000;
export const LOW_PAIN_MAX = 2;
export const MODERATE_PAIN_MAX = 5;

/** Pain during a routine high enough to step back: above the moderate band. */
export function isHighPain(pain: number): boolean {
	return pain > MODERATE_PAIN_MAX;
}
/** The red-flag pain threshold lives with the other red-flag rules. */
export { RED_FLAG_PAIN };

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
	| 'reset'
	| 'session-ended-for-pain'
	| 'building'
	| 'at-budget'
	| 'learning';

export type ChangeKind = 'start' | 'advance' | 'hold' | 'step-back';

export interface DialStep {
	kind: DialValue['kind'];
	label: string;
	unit: DialValue['unit'];
	from: number;
	to: number;
	/** A variant dial's names, by value. */
	names?: readonly string[];
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
	/** Seconds of work on this side, all sets. */
	workSeconds: number;
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
	/** The whole routine's duration at today's doses, as the player runs it, in seconds. */
	seconds: number;
	/** The time budget the plan keeps to, in minutes. */
	budgetMinutes: number;
	/** Even the starting doses take longer than the budget: these exercises should be left out. */
	leaveOut: string[];
	/**
	 * The starting doses fit once familiar, but not today's routine, whose new set-ups take time
	 * to read: leaveOut names what to leave out today.
	 */
	leaveOutToday?: boolean;
}

/** One ladder level per exercise and side, at the start of a day. */
export interface LadderPoint {
	date: LocalDate;
	level: number;
	/** The dial values at that level (they depend on the time budget, so they travel with it). */
	dials: DialValue[];
	change: DoseChange;
}

export interface ProgressionInput {
	exercises: ReadonlyMap<string, Exercise>;
	routine: Routine;
	history: History;
	today: LocalDate;
	/** How long the whole routine may take, in minutes (the person's setting); 10 when missing. */
	budgetMinutes?: number;
	/**
	 * Kept between calls for a history that only grows by records dated on or after the last
	 * call's `today` (the simulator, day by day): the replay then starts where the last one
	 * settled, and `ladders` hold only the days after it. Leave it out otherwise.
	 */
	cache?: ReplayCache;
	/**
	 * Kept between openings of the app (checkpoint.ts): a checkpoint is used when its key matches
	 * this history and these definitions (then `ladders` hold only the days after it), and the
	 * replay returns the checkpoint to keep for the next opening.
	 */
	checkpointing?: CheckpointRequest;
}

/** What a replay leaves for the next one over the same, grown, history. */
export interface ReplayCache {
	ladder?: {
		/** The last session day whose judgement is settled (the next session day was known). */
		settled: LocalDate;
		states: Map<string, LadderState>;
		lastChange: Map<string, DoseChange>;
	};
	flare?: { cursor?: FlareCursor };
	stop?: { cursor?: StopCursor };
}

export { sidesOf, ladderKey };
export type { ReplayCheckpoint };

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
	/** When the day's last session ended. */
	endedAt: number;
	/** When the day's first session started. */
	startedAt: number;
	/** The session was ended because of pain: nothing advances from it. */
	endedForPain: boolean;
	/** Per exercise side (ladderKey), what happened. */
	outcomes: Map<string, DayOutcome>;
}

const NOT_DONE: DayOutcome = {
	done: false,
	completed: false,
	stoppedForPain: false,
	tooMuch: false
};

function groupSessionDays(history: History, before: LocalDate, after?: LocalDate): DayReport[] {
	const byDay = new Map<LocalDate, DayReport>();
	const sessions = history.sessions.filter(
		(s) => s.date < before && (after === undefined || s.date > after)
	);
	let first: LocalDate | undefined;
	for (const session of sessions) {
		if (first === undefined || session.date < first) first = session.date;
		const day: DayReport = byDay.get(session.date) ?? {
			date: session.date,
			redFlags: [],
			sessions: [],
			checkIns: [],
			endedAt: session.endedAt,
			startedAt: session.startedAt,
			endedForPain: false,
			outcomes: new Map()
		};
		day.sessions.push(session);
		day.endedAt = Math.max(day.endedAt, session.endedAt);
		day.startedAt = Math.min(day.startedAt, session.startedAt);
		byDay.set(session.date, day);
	}
	if (first === undefined) return [];
	// Every session, so a check-in of a day left out is not filed under its own, later, date.
	const dayOf = checkInDays(history);
	for (const checkIn of history.checkIns) {
		if (checkIn.date < first) continue;
		const day = byDay.get(dayOf(checkIn));
		if (!day) continue;
		day.checkIns.push(checkIn);
		for (const flag of checkIn.redFlags) if (!day.redFlags.includes(flag)) day.redFlags.push(flag);
	}
	const pain = painByDay(history, first);
	for (const day of byDay.values()) {
		const highest = pain.get(day.date);
		if (highest !== undefined) day.pain = highest;
		day.endedForPain = day.sessions.some((s) => s.results.some((r) => r.stoppedForPain));
		for (const session of day.sessions) {
			for (const result of session.results) {
				const key = ladderKey(result.exerciseId, result.side);
				const seen = day.outcomes.get(key);
				day.outcomes.set(key, {
					done: true,
					completed: (seen?.completed ?? true) && result.completed,
					stoppedForPain: (seen?.stoppedForPain ?? false) || result.stoppedForPain,
					tooMuch: (seen?.tooMuch ?? false) || result.tooMuch === true
				});
			}
		}
		for (const checkIn of day.checkIns) {
			for (const f of checkIn.flags) {
				for (const [key, outcome] of day.outcomes) {
					const [id, side] = key.split(':');
					if (id !== f.exerciseId || (f.side !== 'both' && f.side !== side)) continue;
					if (f.flag === 'too-much' || outcome.flag === undefined) outcome.flag = f.flag;
				}
			}
		}
	}
	return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The morning answer that judges a session day: the first given on a later day, at least 6 and
 * at most 36 hours after the session ended, and before the next session day's session. An answer
 * outside that window judges nothing.
 */
function morningWithin(
	sorted: readonly MorningAnswer[],
	day: DayReport,
	until: LocalDate
): MorningAnswer | undefined {
	// From the first answer after the day, found by binary search (never by a walk from the start).
	for (let i = firstAfter(sorted, day.date); i < sorted.length; i += 1) {
		const answer = sorted[i]!;
		if (answer.date > until) return undefined;
		const after = answer.at - day.endedAt;
		if (after > MORNING_AFTER_MAX_MS) return undefined;
		if (after >= MORNING_AFTER_MIN_MS) return answer;
	}
	return undefined;
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
	greensNeeded: number
): Judgement {
	if (!outcome.done) return { delta: 0, reason: 'not-done' };
	const pain = day.pain;
	if (day.redFlags.length > 0 || (pain !== undefined && isRedFlagPain(pain)))
		return { delta: -1, reason: 'red-flag' };
	if (pain !== undefined && isHighPain(pain)) return { delta: -1, reason: 'high-pain' };
	if (outcome.stoppedForPain) return { delta: -1, reason: 'stopped-for-pain' };
	if (outcome.tooMuch) return { delta: -1, reason: 'too-much-mid-hold' };
	if (morning?.feeling === 'worse') return { delta: -1, reason: 'morning-worse' };
	if (morning && morning.redFlags.length > 0) return { delta: -1, reason: 'red-flag' };
	if (outcome.flag === 'too-much')
		return state.tooMuchBefore
			? { delta: -1, reason: 'too-much-twice' }
			: { delta: 0, reason: 'too-much' };
	if (day.endedForPain) return { delta: 0, reason: 'session-ended-for-pain' };
	if (pain !== undefined && pain > LOW_PAIN_MAX) return { delta: 0, reason: 'moderate-pain' };
	if (pain === undefined) return { delta: 0, reason: 'no-check-in' };
	if (!outcome.completed) return { delta: 0, reason: 'not-completed' };
	if (!morning && outcome.flag !== 'too-easy') return { delta: 0, reason: 'awaiting-morning' };
	if (state.greens + 1 < greensNeeded) return { delta: 0, reason: 'building' };
	return { delta: 1, reason: morning ? 'low-pain' : 'too-easy' };
}

/** Whether a judgement counts as a green session (one that could count toward a step up). */
function isGreen(judgement: Judgement): boolean {
	return judgement.delta > 0 || judgement.reason === 'building';
}

/**
 * The level an exercise side returns to after time away, counted from the day it was last done:
 * a step back for each missed week, at most half the level after four weeks, the start after eight.
 */
export function breakLevel(level: number, daysAway: number): number {
	const weeks = Math.floor(daysAway / 7);
	if (weeks <= 0) return level;
	if (weeks >= RESTART_AFTER_WEEKS) return 0;
	const stepped = Math.max(0, level - weeks);
	return weeks >= HALF_AFTER_WEEKS ? Math.min(stepped, Math.floor(level / 2)) : stepped;
}

/**
 * The latest reset of an exercise made after a session day's sessions ended and before the next
 * session day's first session (or any time up to today): it wins over the judgement.
 */
function resetBetween(
	resets: readonly ProgressionReset[],
	exerciseId: string,
	after: number,
	before: number,
	upTo: LocalDate
): ProgressionReset | undefined {
	let latest: ProgressionReset | undefined;
	for (const r of resets) {
		if (r.exerciseId !== exerciseId || r.at <= after || r.at >= before || r.date > upTo) continue;
		if (latest === undefined || r.at >= latest.at) latest = r;
	}
	return latest;
}

function dialSteps(beforeDials: DialValue[], afterDials: DialValue[]): DialStep[] {
	return afterDials
		.map((d, i) => ({
			kind: d.kind,
			label: d.label,
			unit: d.unit,
			from: beforeDials[i]!.value,
			to: d.value,
			...(d.names ? { names: d.names } : {})
		}))
		.filter((s) => s.from !== s.to);
}

/**
 * A change of dose. Its words are said only when read: years of history hold a change per
 * session day and side, and only the few days a page shows are ever read.
 */
function changeOf(
	exercise: Exercise,
	options: LadderOptions,
	before: number,
	after: number,
	reason: ChangeReason,
	context: Omit<ExplainContext, 'steps' | 'after'>
): DoseChange {
	// The same level has the same dials: nothing moved.
	const steps =
		before === after
			? []
			: dialSteps(dialsAtLevel(exercise, before, options), dialsAtLevel(exercise, after, options));
	let explained: Explained | undefined;
	const words = () =>
		(explained ??= explain(reason, {
			...context,
			steps,
			after: dialsAtLevel(exercise, after, options)
		}));
	return {
		get kind() {
			return words().kind;
		},
		reason,
		delta: after - before,
		dials: steps,
		get text() {
			return words().text;
		}
	};
}

/** A change as plain data, its words said: what a checkpoint keeps. */
function keptChange(change: DoseChange): DoseChange {
	const { kind, reason, delta, dials, text } = change;
	return { kind, reason, delta, dials, text };
}

/** The latest session day before `today`, and the one before it. */
function lastTwoSessionDays(
	sessions: readonly SessionRecord[],
	today: LocalDate
): [LocalDate | undefined, LocalDate | undefined] {
	let last: LocalDate | undefined;
	let previous: LocalDate | undefined;
	for (const { date } of sessions) {
		if (date >= today || date === last || date === previous) continue;
		if (last === undefined || date > last) [previous, last] = [last, date];
		else if (previous === undefined || date > previous) previous = date;
	}
	return [last, previous];
}

export interface Replay {
	/**
	 * The ladder of each exercise side (keyed by ladderKey), one point per session day and today
	 * (only the days after the checkpoint or cache the replay started from, if any).
	 */
	ladders: Map<string, LadderPoint[]>;
	plan: DayPlan;
	/**
	 * When asked for (`checkpointing`): the checkpoint to keep, settled on the second-latest session
	 * day before today; the very one given when nothing in it changed. None before two session days.
	 */
	checkpoint?: ReplayCheckpoint;
}

/**
 * Replays the whole history up to (not including) `today` and returns today's plan with the
 * ladder of every exercise side over time, for charts and reports.
 */
export function replay(input: ProgressionInput): Replay {
	const { exercises, routine, history, today } = input;
	const budgetMinutes = input.budgetMinutes ?? DEFAULT_BUDGET_MINUTES;
	const cache = input.cache;
	const asked = input.checkpointing;
	// The checkpoint given is used only if the records it read and the definitions are unchanged;
	// the one to keep settles on the second-latest session day, so it reads up to the latest.
	let start: ReplayCheckpoint | undefined;
	let next: { key: string; settled: LocalDate; through: LocalDate } | undefined;
	if (asked) {
		const definitions = definitionsKey(routine, exercises, budgetMinutes, asked.build);
		const given =
			asked.checkpoint && asked.checkpoint.through < today ? asked.checkpoint : undefined;
		const [last, previous] = lastTwoSessionDays(history.sessions, today);
		const limits = [given?.through, previous && last].filter((d): d is LocalDate => !!d);
		const keys = recordsKeys(history, limits).map((records) => `${definitions}/${records}`);
		if (given && keys[0] === given.key) start = given;
		if (previous && last) next = { key: keys.at(-1)!, settled: previous, through: last };
	}
	const startStates = start && new Map(start.states);
	const startChanges = start && new Map(start.changes);
	const settled = start?.settled ?? cache?.ladder?.settled;
	const days = groupSessionDays(history, today, settled);
	const resets = history.resets ?? [];
	const mornings = inDayOrder(
		settled === undefined ? history.mornings : history.mornings.filter((m) => m.date > settled)
	);
	const routineExercises = exercisesOf(routine, exercises);
	const budget = budgetFor(routine, exercises, budgetMinutes);
	const budgetRoutine = {
		...routine,
		items: routine.items.filter((item) => exercises.has(item.exercise))
	};
	const optionsOf = (key: string): LadderOptions => budget.caps.get(key) ?? {};
	const ladders = new Map<string, LadderPoint[]>();
	const states = new Map<string, LadderState>();
	const lastChange = new Map<string, DoseChange>();

	for (const exercise of routineExercises) {
		for (const side of sidesOf(exercise)) {
			const key = ladderKey(exercise.id, side);
			const kept = startStates ? startStates.get(key) : cache?.ladder?.states.get(key);
			states.set(
				key,
				kept ? { ...kept } : { level: 0, tolerated: 0, greens: 0, tooMuchBefore: false }
			);
			lastChange.set(
				key,
				(startChanges ? startChanges.get(key) : cache?.ladder?.lastChange.get(key)) ??
					changeOf(exercise, optionsOf(key), 0, 0, 'first-day', { today })
			);
			ladders.set(key, []);
		}
	}

	/** The level of a side on a day, after any time away, with the words for it. */
	const levelOn = (
		exercise: Exercise,
		key: string,
		date: LocalDate
	): { level: number; change: DoseChange } => {
		const state = states.get(key)!;
		const away = state.lastDone === undefined ? 0 : daysBetween(state.lastDone, date);
		const level = breakLevel(state.level, away);
		if (level === state.level || away < 7) return { level, change: lastChange.get(key)! };
		const change = changeOf(exercise, optionsOf(key), state.level, level, 'break', {
			today: date,
			missedWeeks: Math.floor(away / 7)
		});
		return { level, change };
	};

	const flares = flarePeriods(
		history,
		today,
		cache ? (cache.flare ??= {}) : start ? { cursor: start.flare } : undefined
	);
	/** Each exercise side with what the walk through the days needs of it, looked up once. */
	const runs = routineExercises.flatMap((exercise) =>
		sidesOf(exercise).map((side) => {
			const key = ladderKey(exercise.id, side);
			const options = optionsOf(key);
			const top = topLevel(exercise, options);
			return {
				exercise,
				key,
				options,
				state: states.get(key)!,
				points: ladders.get(key)!,
				top,
				capped: top < topLevel(exercise),
				/** The dials at each level, made once per replay (ladder points share them). */
				dials: [] as DialValue[][]
			};
		})
	);
	let made: ReplayCheckpoint | undefined;
	let flareIndex = 0;
	const flareOn = (date: LocalDate): FlarePeriod | undefined => {
		// Days come in order, so the flares are walked once.
		while (
			flareIndex < flares.length &&
			flares[flareIndex]!.to !== undefined &&
			flares[flareIndex]!.to! <= date
		)
			flareIndex += 1;
		const flare = flares[flareIndex];
		return flare && flare.from <= date ? flare : undefined;
	};

	// How often each exercise was done by the end of each day: while some set-up is still new, the
	// routine takes longer (reading time), and a step that would then pass the budget waits.
	const stillNew = () =>
		routineExercises.some((e) => (timesDone.get(e.id) ?? 0) < FAMILIAR_AFTER_TIMES);
	const timesDone = new Map<string, number>();
	if (settled !== undefined) {
		// Counted only until every exercise is familiar: after that the count changes nothing.
		for (const session of history.sessions) {
			if (session.date > settled) continue;
			for (const id of new Set(session.results.map((r) => r.exerciseId)))
				timesDone.set(id, (timesDone.get(id) ?? 0) + 1);
			if (!stillNew()) break;
		}
	}

	days.forEach((day, index) => {
		if (next && day.date === next.through) {
			// Every day up to the second-latest is settled: the checkpoint to keep.
			if (start && start.key === next.key) made = start;
			else {
				const flare: { cursor?: FlareCursor } = start ? { cursor: start.flare } : {};
				flarePeriods(history, next.through, flare);
				const stop: { cursor?: StopCursor } = start ? { cursor: start.stop } : {};
				redFlagStop(history, next.through, stop);
				made = {
					key: next.key,
					settled: next.settled,
					through: next.through,
					states: [...states].map(([key, state]) => [key, { ...state }]),
					changes: [...lastChange].map(([key, change]) => [key, keptChange(change)]),
					flare: flare.cursor!,
					stop: stop.cursor!
				};
			}
		}
		if (cache && index === days.length - 1 && index > 0) {
			// Every day before this one is settled: the next replay starts here.
			cache.ladder = {
				settled: days[index - 1]!.date,
				states: new Map([...states].map(([key, state]) => [key, { ...state }])),
				lastChange: new Map(lastChange)
			};
		}
		const following = days[index + 1];
		const effectiveOn = following?.date ?? today;
		const morning = morningWithin(mornings, day, effectiveOn);
		const judged = day.pain === undefined ? { date: day.date } : { date: day.date, pain: day.pain };
		const inFlare = flareOn(effectiveOn) !== undefined;
		// The steps that add time today, so that the learning rule can take them back.
		const advanced: {
			exercise: Exercise;
			key: string;
			before: number;
			greens: number;
			advancedOn?: LocalDate;
			context: Omit<ExplainContext, 'steps' | 'after'>;
		}[] = [];
		for (const run of runs) {
			const { exercise, key, options, state, top } = run;
			const greensNeeded = exercise.greenSessions;
			const outcome = day.outcomes.get(key) ?? NOT_DONE;
			// The level the session was done at: the replay's, after any time away.
			const shown = levelOn(exercise, key, day.date);
			run.points.push({
				date: day.date,
				level: shown.level,
				dials: (run.dials[shown.level] ??= dialsAtLevel(exercise, shown.level, options)),
				change: shown.change
			});
			if (outcome.done && shown.level !== state.level) {
				state.level = shown.level;
				state.greens = 0;
			}

			const verdict = judge(state, outcome, day, morning, greensNeeded);
			let judgement: Judgement = verdict;
			// No increases during a flare, however good one day was; none past the top.
			if (verdict.delta > 0 && inFlare) judgement = { delta: 0, reason: 'flare' };
			else if (
				verdict.delta > 0 &&
				state.advancedOn !== undefined &&
				state.advancedOn >= effectiveOn
			)
				judgement = { delta: 0, reason: 'advanced-recently' };
			else if (verdict.delta > 0 && state.level >= top)
				judgement = { delta: 0, reason: run.capped ? 'at-budget' : 'at-max' };
			const before = state.level;
			const greensBefore = state.greens;
			const advancedBefore = state.advancedOn;
			if (outcome.done && judgement.delta >= 0 && judgement.reason !== 'moderate-pain')
				state.tolerated = before;
			const after = Math.max(0, Math.min(top, Math.floor(before + judgement.delta)));
			const context = {
				day: judged,
				today: effectiveOn,
				budgetMinutes,
				capped: run.capped,
				greens: state.greens + 1,
				greensNeeded,
				...(morning ? { morning } : {})
			};
			let change = changeOf(exercise, options, before, after, judgement.reason, context);
			if (outcome.done) {
				state.greens =
					judgement.delta !== 0 ? 0 : isGreen(verdict) ? state.greens + 1 : state.greens;
				state.tooMuchBefore = outcome.flag === 'too-much' || outcome.tooMuch;
				state.lastDone = day.date;
			}
			if (after > before) {
				state.advancedOn = effectiveOn;
				if (workSeconds(exercise, after, options) > workSeconds(exercise, before, options))
					advanced.push({
						exercise,
						key,
						before,
						greens: greensBefore,
						...(advancedBefore !== undefined ? { advancedOn: advancedBefore } : {}),
						context
					});
			}
			state.level = after;
			const reset =
				resets.length === 0
					? undefined
					: resetBetween(
							resets,
							exercise.id,
							day.endedAt,
							following?.startedAt ?? Number.POSITIVE_INFINITY,
							effectiveOn
						);
			if (reset) {
				change = changeOf(exercise, options, before, 0, 'reset', {
					...context,
					resetOn: reset.date
				});
				state.level = 0;
				state.greens = 0;
				// A fresh start: nothing from before the reset holds the next step back.
				delete state.advancedOn;
				state.tooMuchBefore = false;
			}
			lastChange.set(key, change);
		}
		for (const session of day.sessions) {
			for (const id of new Set(session.results.map((r) => r.exerciseId)))
				timesDone.set(id, (timesDone.get(id) ?? 0) + 1);
		}
		// While set-ups are still new, the next session also gives time to read them: the steps
		// that add time wait ("learning") when, with the reading, they would pass the budget.
		if (advanced.length > 0 && stillNew()) {
			const levelOf = (id: string, side: Side) => states.get(ladderKey(id, side))!.level;
			const learning = () =>
				routineSeconds(
					budgetRoutine,
					exercises,
					levelOf,
					(id, side) => optionsOf(ladderKey(id, side)),
					{
						timesDone
					}
				);
			if (learning() > budgetMinutes * 60) {
				for (const step of advanced) {
					const state = states.get(step.key)!;
					if (state.level <= step.before) continue;
					state.level = step.before;
					state.greens = step.greens + 1;
					if (step.advancedOn === undefined) delete state.advancedOn;
					else state.advancedOn = step.advancedOn;
					lastChange.set(
						step.key,
						changeOf(
							step.exercise,
							optionsOf(step.key),
							step.before,
							step.before,
							'learning',
							step.context
						)
					);
				}
			}
		}
	});

	const flare = flareAt(flares, today);
	// During a flare: the warm-up and the gentle stretches only, at the last tolerated doses.
	const todays = flare
		? routineExercises.filter((e) => e.category !== 'strength')
		: routineExercises;
	const levels = new Map<string, number>();
	const exerciseDoses: ExerciseDose[] = todays.map((exercise) => ({
		exerciseId: exercise.id,
		name: exercise.name,
		sides: sidesOf(exercise).map((side) => {
			const key = ladderKey(exercise.id, side);
			const options = optionsOf(key);
			const state = states.get(key)!;
			const returned = levelOn(exercise, key, today);
			const level = flare ? Math.min(returned.level, state.tolerated) : returned.level;
			const change =
				flare && level < returned.level
					? changeOf(exercise, options, returned.level, level, 'flare', { today })
					: returned.change;
			levels.set(key, level);
			ladders.get(key)!.push({
				date: today,
				level,
				dials: dialsAtLevel(exercise, level, options),
				change
			});
			return {
				side,
				level,
				topLevel: topLevel(exercise, options),
				workSeconds: workSeconds(exercise, level, options),
				dials: dialsAtLevel(exercise, level, options),
				prescription: prescription(exercise, level, options),
				change
			};
		})
	}));

	const todaysRoutine = {
		...routine,
		items: routine.items.filter((item) => todays.some((e) => e.id === item.exercise))
	};
	const seconds =
		todaysRoutine.items.length === 0
			? 0
			: routineSeconds(
					todaysRoutine,
					exercises,
					(id, side) => levels.get(ladderKey(id, side)) ?? 0,
					(id, side) => optionsOf(ladderKey(id, side)),
					{ timesDone: timesDoneByExercise(history.sessions.filter((s) => s.date < today)) }
				);
	// Not even today's routine fits (while set-ups are new, reading them takes time): name the
	// exercises to leave out today, the last first (the warm-up stays), until the rest fits.
	let leaveOut = budget.leaveOut;
	let leaveOutToday = false;
	if (leaveOut.length === 0 && seconds > budgetMinutes * 60) {
		const times = timesDoneByExercise(history.sessions.filter((s) => s.date < today));
		const without = (ids: readonly string[]) =>
			routineSeconds(
				{ ...todaysRoutine, items: todaysRoutine.items.filter((i) => !ids.includes(i.exercise)) },
				exercises,
				(id, side) => levels.get(ladderKey(id, side)) ?? 0,
				(id, side) => optionsOf(ladderKey(id, side)),
				{ timesDone: times }
			);
		const out: string[] = [];
		for (const exercise of [...todays].reverse()) {
			if (exercise.category === 'warm-up') continue;
			out.unshift(exercise.id);
			if (without(out) <= budgetMinutes * 60) break;
		}
		leaveOut = out;
		leaveOutToday = true;
	}
	const lastSessionDay = days.at(-1)?.date;
	const answeredSince =
		lastSessionDay !== undefined && morningAfter(mornings, lastSessionDay, today) !== undefined;
	const stop = redFlagStop(
		history,
		today,
		cache ? (cache.stop ??= {}) : start ? { cursor: start.stop } : undefined
	);
	return {
		...(made ? { checkpoint: made } : {}),
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
			...(stop ? { stop } : {}),
			seconds,
			budgetMinutes,
			leaveOut,
			...(leaveOutToday ? { leaveOutToday } : {})
		}
	};
}

/** Today's dose of every exercise in the routine, with what changed and why. */
export function dayPlan(input: ProgressionInput): DayPlan {
	return replay(input).plan;
}

/**
 * Red flags stop the routine until they are answered. The latest answer that reported red flags
 * (pain of 8/10 or more counts as one) stops it; a later check-in or morning answer reporting none,
 * or a follow-up answer, lifts the stop. Bladder, bowel or saddle symptoms are lifted only by a
 * follow-up on a later day saying they have gone completely or a clinician has been seen.
 */
export function redFlagStop(
	history: History,
	today: LocalDate,
	cache?: { cursor?: StopCursor }
): RedFlagStop | undefined {
	const start = cache?.cursor;
	let latest = start?.latest;
	let clearAnswer = start?.clearAnswer ?? false;
	let saved = false;
	const save = () => {
		if (cache) cache.cursor = { before: today, ...(latest ? { latest } : {}), clearAnswer };
		saved = true;
	};
	for (const answer of redFlagAnswers(history, start?.before)) {
		if (answer.date > today) break;
		// Days before today are settled; today's answers may still come.
		if (!saved && answer.date >= today) save();
		if (answer.redFlags.length > 0) {
			latest = answer;
			clearAnswer = false;
		} else if (latest) clearAnswer = true;
	}
	if (!saved) save();
	if (!latest) return undefined;
	const reported = latest;
	const urgent = isUrgent(reported.redFlags);
	const later = (r: { date: LocalDate; at: number }) => byDayThenTime(r, reported) > 0;
	const followUps = (history.followUps ?? []).filter((f) => f.date <= today && later(f));
	if (urgent) {
		const cleared = followUps.some(
			(f) => f.date > reported.date && (f.answer === 'gone' || f.answer === 'clinician-seen')
		);
		if (cleared) return undefined;
	} else if (clearAnswer || followUps.some((f) => f.answer !== 'still-there')) return undefined;
	return { redFlags: reported.redFlags, urgent, reportedOn: reported.date };
}

/** Where redFlagStop's walk stopped, for the next call over the same history grown later. */
export interface StopCursor {
	before: LocalDate;
	latest?: RedFlagAnswer;
	clearAnswer: boolean;
}

/**
 * Tomorrow's plan if the person's back feels the same tomorrow morning: what the summary after a
 * session shows under "what changes next time".
 */
export function tomorrowPlan(input: ProgressionInput): DayPlan {
	const tomorrow = addDays(input.today, 1);
	const endedToday = input.history.sessions
		.filter((s) => s.date === input.today)
		.reduce((latest, s) => Math.max(latest, s.endedAt), Number.NEGATIVE_INFINITY);
	// The assumed answer comes the next morning, inside the window that lets it judge the session.
	const assumedAt = Number.isFinite(endedToday)
		? endedToday + MORNING_AFTER_MIN_MS + 3_600_000
		: Number.MAX_SAFE_INTEGER;
	const assumed: MorningAnswer = {
		date: tomorrow,
		at: assumedAt,
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

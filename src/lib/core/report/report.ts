import { ASYMMETRY_STEPS, asymmetryOf, type Asymmetry } from './asymmetry';
import type { Exercise } from '../content/definitions';
import { addDays, daysBetween } from '../time/calendar';
import { topLevel, type DialValue } from '../progression/dose';
import { COMFORTABLE_PAIN, FLARE_PAIN, FLARE_WITHIN_DAYS } from '../progression/flare';
import type {
	CheckIn,
	ExerciseResult,
	History,
	LocalDate,
	MorningFeeling,
	Side
} from '../records/history';
import type { RedFlagAnswer } from '../progression/session-days';
import { isUrgent } from '../progression/red-flags';
import {
	inDayOrder,
	morningAfter,
	painByDay,
	redFlagAnswers,
	routineExercises as exercisesOf
} from '../progression/session-days';
import {
	LOW_PAIN_MAX,
	HALF_AFTER_WEEKS,
	RESTART_AFTER_WEEKS,
	MODERATE_PAIN_MAX,
	RED_FLAG_PAIN,
	ladderKey,
	replay,
	sidesOf,
	type ChangeKind,
	type ChangeReason,
	type DialStep,
	type DoseChange,
	type LadderPoint,
	type ProgressionInput
} from '../progression/progression';

/**
 * The report for a clinician: what was done in the last weeks, at which
 * doses on each side, how it felt, the warning signs and flares, and every decision the
 * progression took with its reason. Built from the same replay the Today page uses, so the report
 * and the app never disagree.
 */

export { ASYMMETRY_STEPS, asymmetryOf, type Asymmetry };

export const REPORT_WEEKS = [4, 8] as const;
export type ReportWeeks = (typeof REPORT_WEEKS)[number];

export interface ReportInput extends ProgressionInput {
	weeks: ReportWeeks;
}

export interface ReportPeriod {
	/** The first day of the period. */
	from: LocalDate;
	/** The last day: today, the day the report is made. */
	to: LocalDate;
	weeks: ReportWeeks;
}

export type ResultOutcome = 'done' | 'stopped-for-pain' | 'too-much' | 'not-finished';

export interface ReportResult {
	exerciseId: string;
	name: string;
	side: Side;
	outcome: ResultOutcome;
	level: number;
}

export interface ReportSession {
	id: string;
	date: LocalDate;
	startedAt: number;
	durationMs: number;
	/** Pain during the routine from its check-in; missing when the check-in was skipped. */
	pain?: number;
	/** The answer given on a later morning, before the next session. */
	morning?: MorningFeeling;
	endedEarly: boolean;
	results: ReportResult[];
	/** "All 7 exercises done", or what was stopped and why. */
	summary: string;
}

export interface SideLevel {
	side: Side;
	level: number;
	dials: DialValue[];
	change: DoseChange;
}

export interface DoseRow {
	date: LocalDate;
	/** The dose for today, the day of the report. */
	isToday: boolean;
	sides: SideLevel[];
	asymmetry?: Asymmetry;
}

export interface DoseTable {
	exerciseId: string;
	name: string;
	perSide: boolean;
	/** The dials in their priority order, the columns of the table. */
	dials: Pick<DialValue, 'kind' | 'label' | 'unit' | 'start' | 'max'>[];
	/** The level with every dial at its maximum. */
	topLevel: number;
	/** The first day of the period, each day a side's dose changed, and today. */
	rows: DoseRow[];
	/** The asymmetry on the last row, if any. */
	asymmetry?: Asymmetry;
	/** The largest asymmetry during the period, if any. */
	widestAsymmetry?: Asymmetry & { date: LocalDate };
}

export interface PainDay {
	date: LocalDate;
	/** The highest pain reported in a check-in that day. */
	pain: number;
}

export interface RedFlagReport extends RedFlagAnswer {
	urgent: boolean;
}

export interface ReportFlare {
	from: LocalDate;
	/** The day it ended; missing while it goes on. */
	to?: LocalDate;
	/** Days from its start to its end, or to today while it goes on. */
	days: number;
}

export interface Decision {
	/** The day the new dose applied. */
	date: LocalDate;
	exerciseId: string;
	name: string;
	/** The sides it applied to: both sides of a per-side exercise when they moved alike. */
	sides: Side[];
	/** An advance or a step back; a hold only when it lowered the dose (flare care). */
	kind: ChangeKind;
	reason: ChangeReason;
	/** Ladder levels moved: +1, or −1 or more for a step back (0 when already at the gentlest). */
	delta: number;
	dials: DialStep[];
	text: string;
}

export interface Report {
	period: ReportPeriod;
	routineName: string;
	/** The plain description of the routine and the rules, for a reader new to the app. */
	description: string;
	sessions: ReportSession[];
	/** Days with at least one session. */
	sessionDays: number;
	doses: DoseTable[];
	painDays: PainDay[];
	mornings: { date: LocalDate; feeling: MorningFeeling }[];
	redFlags: RedFlagReport[];
	flares: ReportFlare[];
	decisions: Decision[];
}

export function reportPeriod(today: LocalDate, weeks: ReportWeeks): ReportPeriod {
	return { from: addDays(today, -(weeks * 7 - 1)), to: today, weeks };
}

function within(period: ReportPeriod, date: LocalDate): boolean {
	return date >= period.from && date <= period.to;
}

/** The points of a ladder (in date order) from the period's first day on: a binary search. */
function fromPeriod<T extends { date: LocalDate }>(
	points: readonly T[],
	period: ReportPeriod
): readonly T[] {
	let low = 0;
	let high = points.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (points[middle]!.date < period.from) low = middle + 1;
		else high = middle;
	}
	return low === 0 ? points : points.slice(low);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Mon 2 Mar 2026": day before month, with the month in letters, so a reader in any country reads
 * the same day. Built by hand rather than with Intl so the report does not depend on the locale.
 */
export function dayWords(
	date: LocalDate,
	options: { weekday?: boolean; year?: boolean } = {}
): string {
	const [y, m, d] = date.split('-').map(Number);
	const weekday = WEEKDAYS[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()];
	const words = `${d} ${MONTHS[(m ?? 1) - 1]}${options.year ? ` ${y}` : ''}`;
	return options.weekday === false ? words : `${weekday} ${words}`;
}

/** "11 min", "under a minute" */
export function durationWords(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	return minutes < 1 ? 'under a minute' : `${minutes} min`;
}

/** "Up a step", "Down 2 steps", "Down: already at the gentlest dose" */
export function moveWords(delta: number): string {
	if (delta === 0) return 'Down: already at the gentlest dose';
	const steps = Math.abs(delta) === 1 ? 'a step' : `${Math.abs(delta)} steps`;
	return `${delta > 0 ? 'Up' : 'Down'} ${steps}`;
}

export const FEELING_WORDS: Record<MorningFeeling, string> = {
	better: 'Better',
	same: 'About the same',
	worse: 'Worse'
};

export const OUTCOME_WORDS: Record<ResultOutcome, string> = {
	done: 'done',
	'stopped-for-pain': 'stopped for pain',
	'too-much': '“too much” during it',
	'not-finished': 'not finished'
};

/** The routine and the rules in one paragraph, with the thresholds the code uses. */
export function describeRoutine(
	routineName: string,
	routineDescription: string,
	exercises: readonly Exercise[]
): string {
	const description = /[.!?]$/.test(routineDescription.trim())
		? routineDescription.trim()
		: `${routineDescription.trim()}.`;
	return [
		`${routineName}: ${exercises.map((e) => e.name).join(', ')}. ${description}`,
		'Each exercise has a dose ladder: level 0 is the starting dose, and each level up raises one',
		'dial (range of motion one degree or centimetre, hold time or repetitions, in turn; extra sets',
		'last, by splitting the work) by one small step that adds at most a fifth to the work time.',
		'Exercises done one side at a time have a separate ladder for each side. The whole routine',
		'keeps to the time the person chose; there, ranges and harder variants still grow, time does not.',
		'After every session the person rates pain during it from 0 to 10 and may mark an exercise',
		'“too much” or “too easy”; the next morning (6 to 36 hours after the session) they say whether',
		'the back feels better, the same or worse. A dose goes up one step only after a completed session',
		`with pain ${LOW_PAIN_MAX}/10 or less and a morning that was not worse (one such session for a`,
		'stretch, two for strength work). It holds at',
		`pain ${LOW_PAIN_MAX + 1}–${MODERATE_PAIN_MAX}/10, when an exercise was marked “too much”`,
		`once, or when the routine was ended for pain. It steps back one level at pain ${MODERATE_PAIN_MAX + 1}/10 or more, after a worse`,
		'morning, when an exercise was stopped for pain, ended early with “too much” or marked “too',
		`much” on two sessions in a row, and for each week away from an exercise (at most half the level after ${HALF_AFTER_WEEKS} weeks, the start after ${RESTART_AFTER_WEEKS}).`,
		`Pain of ${RED_FLAG_PAIN}/10 or more or any warning sign stops the routine and advises seeing a`,
		`clinician. Two painful days (pain ${FLARE_PAIN}/10 or more, or a worse morning) no more than ${FLARE_WITHIN_DAYS} days apart start`,
		'a flare: only the warm-up and stretches, at the last dose that felt fine, with no increases',
		`until two comfortable days in a row (pain ${COMFORTABLE_PAIN}/10 or less, morning not worse).`
	].join(' ');
}

function outcomeOf(result: ExerciseResult): ResultOutcome {
	if (result.stoppedForPain) return 'stopped-for-pain';
	if (result.tooMuch) return 'too-much';
	return result.completed ? 'done' : 'not-finished';
}

const SIDE_SUFFIX: Record<Side, string> = { left: ' (left)', right: ' (right)', both: '' };

/**
 * "All 7 exercises done", or "5 of 7 exercises done; stopped for pain: Hip bridge; not finished:
 * Bird dog (right), Plank". An exercise counts as done when every side of it was done.
 */
export function summariseResults(results: readonly ReportResult[]): string {
	const byExercise = new Map<string, ReportResult[]>();
	for (const result of results)
		byExercise.set(result.exerciseId, [...(byExercise.get(result.exerciseId) ?? []), result]);
	const total = byExercise.size;
	if (total === 0) return 'No exercises recorded';
	const noun = total === 1 ? 'exercise' : 'exercises';
	const done = [...byExercise.values()].filter((sides) =>
		sides.every((s) => s.outcome === 'done')
	).length;
	if (done === total) return `All ${total} ${noun} done`;
	const parts = [`${done} of ${total} ${noun} done`];
	for (const outcome of ['stopped-for-pain', 'too-much', 'not-finished'] as const) {
		const names = [...byExercise.values()].flatMap((sides) => {
			const hit = sides.filter((s) => s.outcome === outcome);
			// Every side alike: the exercise's name alone; otherwise the sides it happened on.
			if (hit.length === sides.length) return [sides[0]!.name];
			return hit.map((s) => s.name + SIDE_SUFFIX[s.side]);
		});
		if (names.length > 0) parts.push(`${OUTCOME_WORDS[outcome]}: ${names.join(', ')}`);
	}
	return parts.join('; ');
}

/** "marked “too much”: Seated twist (left)", from the check-in after a session. */
function flagWords(
	checkIn: CheckIn | undefined,
	exercises: ReadonlyMap<string, Exercise>
): string[] {
	return (['too-much', 'too-easy'] as const).flatMap((flag) => {
		const names = (checkIn?.flags ?? [])
			.filter((f) => f.flag === flag)
			.map((f) => (exercises.get(f.exerciseId)?.name ?? f.exerciseId) + SIDE_SUFFIX[f.side]);
		const label = flag === 'too-much' ? 'marked “too much”' : 'marked “too easy”';
		return names.length > 0 ? [`${label}: ${names.join(', ')}`] : [];
	});
}

function reportSessions(
	history: History,
	exercises: ReadonlyMap<string, Exercise>,
	period: ReportPeriod
): ReportSession[] {
	// Only the period's records (and any dated after it) are looked at: linear in what is shown.
	const checkInOf = new Map<string, CheckIn>();
	for (const checkIn of history.checkIns)
		if (checkIn.date >= period.from) checkInOf.set(checkIn.sessionId, checkIn);
	const sessions = inDayOrder(
		history.sessions.filter((s) => s.date >= period.from).map((s) => ({ ...s, at: s.startedAt }))
	);
	const days = [...new Set(sessions.map((s) => s.date))];
	const nextDayOf = new Map(days.map((d, i) => [d, days[i + 1] ?? period.to]));
	const mornings = inDayOrder(history.mornings.filter((m) => m.date > period.from));
	return sessions
		.filter((s) => within(period, s.date))
		.map((session) => {
			const checkIn = checkInOf.get(session.id);
			const morning = morningAfter(mornings, session.date, nextDayOf.get(session.date)!);
			const results = session.results.map((r) => ({
				exerciseId: r.exerciseId,
				name: exercises.get(r.exerciseId)?.name ?? r.exerciseId,
				side: r.side,
				outcome: outcomeOf(r),
				level: r.level
			}));
			return {
				id: session.id,
				date: session.date,
				startedAt: session.startedAt,
				durationMs: Math.max(0, session.endedAt - session.startedAt),
				...(checkIn ? { pain: checkIn.pain } : {}),
				...(morning ? { morning: morning.feeling } : {}),
				endedEarly: session.endedEarly,
				results,
				summary: [summariseResults(results), ...flagWords(checkIn, exercises)].join('; ')
			};
		});
}

function doseTable(
	exercise: Exercise,
	ladders: ReadonlyMap<string, LadderPoint[]>,
	period: ReportPeriod
): DoseTable {
	const sides = sidesOf(exercise);
	// The rows before the period are never shown, nor compared with: they are left out.
	const ladderOf = (side: Side) =>
		fromPeriod(ladders.get(ladderKey(exercise.id, side)) ?? [], period);
	const byDate = new Map(
		sides.map((side) => [side, new Map(ladderOf(side).map((p) => [p.date, p]))])
	);
	const dates = ladderOf(sides[0]!).map((p) => p.date);
	const allRows: DoseRow[] = [];
	for (const date of dates) {
		const levels: SideLevel[] = [];
		for (const side of sides) {
			const point = byDate.get(side)!.get(date);
			if (!point) continue;
			levels.push({
				side,
				level: point.level,
				dials: point.dials,
				change: point.change
			});
		}
		if (levels.length !== sides.length) continue;
		const asymmetry = asymmetryOf(levels);
		allRows.push({
			date,
			isToday: date === period.to,
			sides: levels,
			...(asymmetry ? { asymmetry } : {})
		});
	}
	const sameLevels = (a: DoseRow, b: DoseRow) =>
		a.sides.every((s, i) => s.level === b.sides[i]?.level);
	const rows = allRows.filter((row, index) => {
		if (!within(period, row.date)) return false;
		const previous = allRows[index - 1];
		const first = !previous || !within(period, previous.date);
		const last = index === allRows.length - 1;
		return first || last || !sameLevels(row, previous);
	});
	const widest = rows.reduce<DoseRow | undefined>(
		(best, row) =>
			row.asymmetry && row.asymmetry.steps > (best?.asymmetry?.steps ?? 0) ? row : best,
		undefined
	);
	const latest = rows.at(-1)?.asymmetry;
	return {
		exerciseId: exercise.id,
		name: exercise.name,
		perSide: exercise.sides === 'per-side',
		dials: exercise.dials.map(({ kind, label, unit, start, max }) => ({
			kind,
			label,
			unit,
			start,
			max
		})),
		topLevel: topLevel(exercise),
		rows,
		...(latest ? { asymmetry: latest } : {}),
		...(widest?.asymmetry ? { widestAsymmetry: { ...widest.asymmetry, date: widest.date } } : {})
	};
}

function decisionsOf(
	exercise: Exercise,
	ladders: ReadonlyMap<string, LadderPoint[]>,
	period: ReportPeriod
): Decision[] {
	const moves: Decision[] = [];
	const twins = new Map<string, Decision>();
	for (const side of sidesOf(exercise)) {
		for (const point of fromPeriod(ladders.get(ladderKey(exercise.id, side)) ?? [], period)) {
			if (!within(period, point.date)) continue;
			const { kind, delta } = point.change;
			const decided = kind === 'advance' || kind === 'step-back' || delta !== 0;
			if (!decided) continue;
			// The two sides of a per-side exercise that moved alike on a day make one decision.
			const twinKey = `${point.date}\n${kind}\n${point.change.text}`;
			const twin = twins.get(twinKey);
			if (twin) {
				if (!twin.sides.includes(side)) twin.sides.push(side);
				continue;
			}
			const decision: Decision = {
				date: point.date,
				exerciseId: exercise.id,
				name: exercise.name,
				sides: [side],
				kind,
				reason: point.change.reason,
				delta: point.change.delta,
				dials: point.change.dials,
				text: point.change.text
			};
			twins.set(twinKey, decision);
			moves.push(decision);
		}
	}
	return moves;
}

function redFlagReports(history: History, period: ReportPeriod): RedFlagReport[] {
	return redFlagAnswers(history, period.from)
		.filter((r) => r.redFlags.length > 0 && within(period, r.date))
		.map((r) => ({ ...r, urgent: isUrgent(r.redFlags) }));
}

/** "Pain during the routine on 3 days: highest 6/10 on Wed 4 Mar, average 2.7/10." */
export function painSummary(painDays: readonly PainDay[]): string {
	const highest = painDays.reduce<PainDay | undefined>(
		(max, day) => (!max || day.pain > max.pain ? day : max),
		undefined
	);
	if (!highest) return 'No pain ratings in this period.';
	const average = painDays.reduce((sum, day) => sum + day.pain, 0) / painDays.length;
	const days = `${painDays.length} ${painDays.length === 1 ? 'day' : 'days'}`;
	return `Pain during the routine on ${days}: highest ${highest.pain}/10 on ${dayWords(highest.date)}, average ${average.toFixed(1)}/10.`;
}

/** "Morning answers: 1 better, 2 about the same, 0 worse." */
export function morningSummary(mornings: readonly { feeling: MorningFeeling }[]): string {
	if (mornings.length === 0) return 'No morning answers in this period.';
	const counts = (['better', 'same', 'worse'] as const).map(
		(feeling) =>
			`${mornings.filter((m) => m.feeling === feeling).length} ${FEELING_WORDS[feeling].toLowerCase()}`
	);
	return `Morning answers: ${counts.join(', ')}.`;
}

export function buildReport(input: ReportInput): Report {
	const { exercises, routine, history, today, weeks } = input;
	const period = reportPeriod(today, weeks);
	const { ladders, plan } = replay(input);
	const routineExercises = exercisesOf(routine, exercises);
	const sessions = reportSessions(history, exercises, period);
	const pain = [...painByDay(history, period.from)].filter(([date]) => within(period, date));

	const order = new Map(routineExercises.map((e, i) => [e.id, i]));
	const decisions = routineExercises
		.flatMap((exercise) => decisionsOf(exercise, ladders, period))
		.sort(
			(a, b) =>
				(a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
				(order.get(a.exerciseId) ?? 0) - (order.get(b.exerciseId) ?? 0)
		);

	return {
		period,
		routineName: routine.name,
		description: describeRoutine(routine.name, routine.description, routineExercises),
		sessions,
		sessionDays: new Set(sessions.map((s) => s.date)).size,
		doses: routineExercises.map((exercise) => doseTable(exercise, ladders, period)),
		painDays: pain
			.map(([date, value]) => ({ date, pain: value }))
			.sort((a, b) => (a.date < b.date ? -1 : 1)),
		mornings: inDayOrder(history.mornings.filter((m) => within(period, m.date))).map((m) => ({
			date: m.date,
			feeling: m.feeling
		})),
		redFlags: redFlagReports(history, period),
		flares: plan.flares
			.filter((f) => f.from <= period.to && (f.to === undefined || f.to >= period.from))
			.map((f) => ({
				from: f.from,
				...(f.to ? { to: f.to } : {}),
				days: daysBetween(f.from, f.to ?? period.to)
			})),
		decisions
	};
}

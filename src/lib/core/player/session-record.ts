import { localDate } from '../time/calendar';
import type { Exercise, Routine } from '../content/definitions';
import type { CheckIn, SessionRecord } from '../records/history';
import { expandRoutine, results, type DoneState, type Step } from './player';
import type { ExpandOptions } from './player-steps';
import type { DayPlan } from '../progression/progression';

/**
 * What a day's plan becomes in the player, and what a routine leaves behind: the session record
 * and its check-in. Pure; the caller gives the time and the device's offset from UTC.
 */

/** The routine as played today and its steps, each side at the plan's dose. */
export interface PlannedRoutine {
	/** During flare care the plan holds fewer exercises than the routine: only those are played. */
	routine: Routine;
	steps: Step[];
}

/** Turns today's plan into the player's steps. Throws when the plan has no dose for a side. */
export function plannedRoutine(
	routine: Routine,
	plan: DayPlan,
	exercises: ReadonlyMap<string, Exercise>,
	options: ExpandOptions = {}
): PlannedRoutine {
	const doses = new Map(
		plan.exercises.flatMap((e) => e.sides.map((s) => [`${e.exerciseId}:${s.side}`, s]))
	);
	const planned = new Set(plan.exercises.map((e) => e.exerciseId));
	const played: Routine = {
		...routine,
		items: routine.items.filter((item) => planned.has(item.exercise))
	};
	const steps = expandRoutine(
		played,
		exercises,
		(exerciseId, side) => {
			const dose = doses.get(`${exerciseId}:${side}`);
			if (!dose) throw new Error(`No dose for ${exerciseId} (${side}).`);
			return { level: dose.level, prescription: dose.prescription };
		},
		options
	);
	return { routine: played, steps };
}

/**
 * The record of a routine that reached its end. Its day is the local day it started on, with
 * `timezoneOffsetMinutes` as the device reported it for the start (Date's getTimezoneOffset).
 */
export function sessionRecord(
	state: DoneState,
	routineId: string,
	timezoneOffsetMinutes: number
): SessionRecord {
	return {
		id: `session-${state.startedAt}`,
		date: localDate(state.startedAt, timezoneOffsetMinutes),
		startedAt: state.startedAt,
		endedAt: state.endedAt,
		routineId,
		results: results(state),
		endedEarly: state.endedEarly
	};
}

/** What the person answered after a routine. */
export type CheckInAnswer = Pick<CheckIn, 'pain' | 'flags' | 'redFlags'>;

/** The check-in skipped on purpose: no pain is recorded, nothing is presumed. */
export interface SkippedCheckIn {
	pain?: undefined;
	flags: CheckIn['flags'];
	redFlags: CheckIn['redFlags'];
}

/** The check-in of `session`, answered at `at`; it belongs to the session's day. */
export function checkInRecord(session: SessionRecord, answer: CheckInAnswer, at: number): CheckIn {
	return {
		sessionId: session.id,
		date: session.date,
		at,
		pain: answer.pain,
		flags: answer.flags,
		redFlags: answer.redFlags
	};
}

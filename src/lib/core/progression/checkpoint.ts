import type { Exercise, Routine } from '../content/definitions';
import type { History, LocalDate } from '../records/history';
import type { FlareCursor } from './flare';
import type { DoseChange, StopCursor } from './progression';

/**
 * A checkpoint of the replay: the ladder state of every exercise side after the session days up
 * to `settled`, so that opening the app does not replay years of history from day one. It is kept
 * with the records and trusted only while its key still matches: the key is a fingerprint of
 * every record the replay up to the checkpoint read (all records dated up to `through`, the next
 * session day, whose first session and morning answers the last settled judgement looked at), of
 * the definitions (routine, exercises, time budget) and of the rules' version. Any import, reset,
 * edit, or record added on or before `through` changes the key, and the replay starts from day
 * one again (and makes a new checkpoint).
 */

/**
 * Raise this whenever a rule of progression changes what a replay decides or says: checkpoints
 * made by the older rules then no longer match and are rebuilt.
 */
export const REPLAY_RULES_VERSION = 1;

/** One exercise side's place on its ladder between two session days. */
export interface LadderState {
	level: number;
	/** The level of the latest session that went well enough to hold or advance. */
	tolerated: number;
	/** The day the latest advance took effect. */
	advancedOn?: LocalDate;
	/** Green sessions since the latest step (up or down). */
	greens: number;
	/** The previous session day that did this side was marked or stopped "too much". */
	tooMuchBefore: boolean;
	/** The latest day this side was done. */
	lastDone?: LocalDate;
}

export interface ReplayCheckpoint {
	/** The fingerprint of the records up to `through`, the definitions and the rules. */
	key: string;
	/** The last session day whose judgement is in `states`. */
	settled: LocalDate;
	/** The session day after `settled`: the replay read records up to and including it. */
	through: LocalDate;
	/** Each exercise side's ladder state (by ladderKey) after `settled`. */
	states: [string, LadderState][];
	/** Each side's latest change (its words said), shown on the days after `settled` until the next. */
	changes: [string, DoseChange][];
	/** The flare walk over the days before `through`. */
	flare: FlareCursor;
	/** The red-flag walk over the answers before `through`. */
	stop: StopCursor;
}

/** What a replay is asked about its checkpoint. */
export interface CheckpointRequest {
	/** The checkpoint kept from an earlier replay, if any: used only when its key matches. */
	checkpoint?: ReplayCheckpoint;
	/** The app's build: a new build may carry new rules, so its checkpoints start afresh. */
	build?: string;
}

/**
 * Two 32-bit hashes side by side (FNV-1a and a multiplicative one), so a changed record goes
 * unnoticed with a chance of about one in 2^64.
 */
class Hash {
	a = 0x811c9dc5;
	b = 0x1b873593;
	text(value: string): void {
		for (let i = 0; i < value.length; i += 1) this.code(value.charCodeAt(i));
		this.code(0x1f);
	}
	number(value: number): void {
		this.text(String(value));
	}
	private code(c: number): void {
		this.a = Math.imul(this.a ^ c, 0x01000193);
		this.b = Math.imul(this.b + c, 0x5bd1e995) ^ (this.b >>> 15);
	}
	/** Every field of a plain record, in its own order, so an edit anywhere shows. */
	value(value: unknown): void {
		if (value === null || value === undefined) this.code(0x1e);
		else if (typeof value === 'string') this.text(value);
		else if (typeof value === 'number' || typeof value === 'boolean') this.text(String(value));
		else if (Array.isArray(value)) {
			this.code(0x1d);
			for (const item of value) this.value(item);
			this.code(0x1c);
		} else if (typeof value === 'object') {
			this.code(0x1b);
			for (const key in value) {
				this.text(key);
				this.value((value as Record<string, unknown>)[key]);
			}
			this.code(0x1a);
		}
	}
	digest(): string {
		return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
	}
}

/** Records summed in any order: the same records give the same sum however they are stored. */
class RecordSum {
	a = 0;
	b = 0;
	count = 0;
	add(hash: Hash): void {
		this.a = (this.a + hash.a) | 0;
		this.b = (this.b ^ Math.imul(hash.b, 0x9e3779b1)) | 0;
		this.count += 1;
	}
	digest(): string {
		return `${this.count}.${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
	}
}

function recordHash(kind: string, record: unknown): Hash {
	const hash = new Hash();
	hash.text(kind);
	hash.value(record);
	return hash;
}

/** The definitions a replay depends on: the routine, its exercises, the time budget, the rules. */
export function definitionsKey(
	routine: Routine,
	exercises: ReadonlyMap<string, Exercise>,
	budgetMinutes: number,
	build = ''
): string {
	const hash = new Hash();
	hash.number(REPLAY_RULES_VERSION);
	hash.text(build);
	hash.number(budgetMinutes);
	hash.value(routine);
	for (const item of routine.items) hash.value(exercises.get(item.exercise) ?? null);
	return hash.digest();
}

/**
 * The fingerprints of the records up to each of `limits` (dates, in any order), in one walk over
 * the history. A record counts from the earliest day it touches: a check-in from its own date or
 * its session's, whichever comes first, since the replay files it under its session's day and
 * the red-flag walk under its own.
 */
export function recordsKeys(history: History, limits: readonly LocalDate[]): string[] {
	const sums = limits.map(() => new RecordSum());
	const add = (kind: string, day: LocalDate, record: unknown) => {
		let hash: Hash | undefined;
		limits.forEach((limit, index) => {
			if (day > limit) return;
			hash ??= recordHash(kind, record);
			sums[index]!.add(hash);
		});
	};
	const sessionDay = new Map<string, LocalDate>();
	for (const session of history.sessions) {
		sessionDay.set(session.id, session.date);
		add('session', session.date, session);
	}
	for (const checkIn of history.checkIns) {
		const day = sessionDay.get(checkIn.sessionId);
		add('check-in', day !== undefined && day < checkIn.date ? day : checkIn.date, checkIn);
	}
	for (const morning of history.mornings) add('morning', morning.date, morning);
	for (const reset of history.resets ?? []) add('reset', reset.date, reset);
	return sums.map((sum) => sum.digest());
}

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

/** The hash of each text seen (ids, days, sides): the same few thousand come again and again. */
const textHashes = new Map<string, number>();

function textHash(value: string): number {
	let hash = textHashes.get(value);
	if (hash === undefined) {
		hash = 0x811c9dc5;
		for (let i = 0; i < value.length; i += 1)
			hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
		if (textHashes.size < 100_000) textHashes.set(value, hash);
	}
	return hash;
}

/**
 * Two 32-bit hashes side by side, so a changed record goes unnoticed with a chance of about one
 * in 2^64. Every value of a record is mixed in, in its fields' order, so an edit anywhere shows.
 */
class Hash {
	a = 0x811c9dc5;
	b = 0x1b873593;
	private mix(word: number): void {
		this.a = Math.imul(this.a ^ word, 0x01000193);
		this.b = Math.imul(this.b + word, 0x5bd1e995) ^ (this.b >>> 15);
	}
	text(value: string): void {
		this.mix(textHash(value));
	}
	value(value: unknown): void {
		switch (typeof value) {
			case 'string':
				this.mix(textHash(value));
				return;
			case 'number':
				if (Number.isSafeInteger(value)) {
					this.mix(value | 0);
					this.mix((value / 0x100000000) | 0);
				} else this.mix(textHash(String(value)) ^ 0x5f);
				return;
			case 'boolean':
				this.mix(value ? 0x71 : 0x70);
				return;
			case 'object':
				if (value === null) break;
				if (Array.isArray(value)) {
					this.mix(0x61 + value.length);
					for (const item of value) this.value(item);
				} else {
					this.mix(0x62);
					for (const key in value) this.value((value as Record<string, unknown>)[key]);
					this.mix(0x63);
				}
				return;
		}
		this.mix(0x60);
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
	hash.value(REPLAY_RULES_VERSION);
	hash.text(build);
	hash.value(budgetMinutes);
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

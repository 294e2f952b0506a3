import * as v from 'valibot';
import type { LocalDate, RedFlagFollowUp } from './history';
import type { CareApplication } from '../care/care-days';
import {
	isRealDate,
	CheckInSchema,
	MorningAnswerSchema,
	ProgressionResetSchema,
	CareApplicationSchema,
	RedFlagFollowUpSchema,
	SessionSchema
} from './record-schemas';
import { SettingsSchema } from './settings-schema';

/**
 * The backup file: one versioned JSON document of everything the app remembers. Reading one is
 * pure and refuses anything doubtful with a sentence that says what is wrong, before any stored
 * record is touched. The records are checked by the schemas of record-schemas.ts and settings.ts,
 * so what passes here is exactly what storage holds.
 */

export const BACKUP_APP = 'backcare';
export const BACKUP_VERSION = 1;
/**
 * Three years of daily sessions take about 2 MB, so 50 MB is a lifetime of daily routines; a
 * bigger file is refused before it is read, and export warns before it makes one.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Keys that could reach an object's prototype if a file's objects were ever merged naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const EXPORTED_AT = 'the time of the export as an ISO date and time';

/** An ISO date and time whose date exists: isoTimestamp alone lets 30 February through. */
function isRealTimestamp(text: string): boolean {
	return (
		v.ISO_TIMESTAMP_REGEX.test(text) &&
		isRealDate(text.slice(0, 10)) &&
		!Number.isNaN(Date.parse(text))
	);
}

export const BackupSchema = v.strictObject({
	app: v.literal(BACKUP_APP),
	version: v.literal(BACKUP_VERSION),
	exportedAt: v.pipe(v.string(EXPORTED_AT), v.check(isRealTimestamp, EXPORTED_AT)),
	sessions: v.array(SessionSchema, 'a list of sessions'),
	checkIns: v.array(CheckInSchema, 'a list of check-ins'),
	mornings: v.array(MorningAnswerSchema, 'a list of morning answers'),
	resets: v.array(ProgressionResetSchema, 'a list of resets'),
	settings: SettingsSchema,
	/** Ice and heat, since storage version 4: a file made before has none and still imports. */
	applications: v.optional(
		v.array(CareApplicationSchema, 'a list of ice and heat applications'),
		[]
	),
	/**
	 * Answers to "have these signs gone?", since storage version 5: a file made before has none
	 * and still imports.
	 */
	followUps: v.optional(
		v.array(RedFlagFollowUpSchema, 'a list of answers to "have these signs gone?"'),
		[]
	)
});
export type Backup = v.InferOutput<typeof BackupSchema>;

/**
 * Everything a backup carries besides its envelope; no applications (or follow-ups) is the same
 * as none.
 */
export type BackupRecords = Omit<
	Backup,
	'app' | 'version' | 'exportedAt' | 'applications' | 'followUps'
> & {
	applications?: CareApplication[];
	followUps?: RedFlagFollowUp[];
};

/** A backup of `records` as exported at `exportedAt` (ms since the epoch). */
export function buildBackup(records: BackupRecords, exportedAt: number): Backup {
	return {
		app: BACKUP_APP,
		version: BACKUP_VERSION,
		exportedAt: new Date(exportedAt).toISOString(),
		sessions: records.sessions,
		checkIns: records.checkIns,
		mornings: records.mornings,
		resets: records.resets,
		settings: records.settings,
		applications: records.applications ?? [],
		followUps: records.followUps ?? []
	};
}

export function backupFileName(today: LocalDate): string {
	return `backcare-backup-${today}.json`;
}

export type BackupReading = { ok: true; backup: Backup } | { ok: false; problem: string };

function refuse(problem: string): BackupReading {
	return { ok: false, problem };
}

/** Megabytes to one decimal, rounded up: "5.1". */
function megabytes(bytes: number): number {
	return Math.ceil(bytes / ((1024 * 1024) / 10)) / 10;
}

/**
 * Said before a backup of `bytes` is saved when this app could not import it again; undefined
 * when it could.
 */
export function exportSizeProblem(bytes: number): string | undefined {
	if (bytes <= MAX_BACKUP_BYTES) return undefined;
	return `This backup would be ${megabytes(bytes)} MB, more than the ${megabytes(MAX_BACKUP_BYTES)} MB this app can import again. Save it anyway to keep a copy, and export the sessions as CSV too.`;
}

/** Whether a file of `bytes` may be read at all; the sentence saying why not, when it may not. */
export function backupSizeProblem(bytes: number): string | undefined {
	if (bytes === 0) return 'The file is empty.';
	if (bytes > MAX_BACKUP_BYTES) {
		return `The file is too large (${megabytes(bytes)} MB); a backup is at most ${megabytes(MAX_BACKUP_BYTES)} MB.`;
	}
	return undefined;
}

class ForbiddenKey extends Error {
	constructor(readonly key: string) {
		super(key);
	}
}

/** Singular words for the lists of a backup, so a place reads "session 3, result 2". */
const ITEM_WORDS: Record<string, string> = {
	sessions: 'session',
	checkIns: 'check-in',
	mornings: 'morning answer',
	resets: 'reset',
	applications: 'ice or heat application',
	followUps: 'follow-up answer',
	results: 'result',
	flags: 'exercise flag',
	redFlags: 'warning sign',
	routineOrder: 'routine order entry',
	droppedExercises: 'dropped exercise'
};

type PathKey = string | number;

/** "In session 3, result 2, " for ['sessions', 2, 'results', 1, 'level']; the field comes last. */
function placeOf(path: readonly PathKey[]): { where: string; field?: string } {
	const parts: string[] = [];
	let field: string | undefined;
	path.forEach((key, index) => {
		const next = path[index + 1];
		if (typeof key === 'number') {
			const list = path[index - 1];
			parts.push(`${ITEM_WORDS[String(list)] ?? 'item'} ${key + 1}`);
		} else if (typeof next === 'number') {
			// The list's name is said by its items: "session 3", not "sessions, session 3".
		} else if (index === path.length - 1) {
			field = key;
		} else {
			parts.push(`"${key}"`);
		}
	});
	return { where: parts.length > 0 ? `In ${parts.join(', ')}, ` : '', ...(field ? { field } : {}) };
}

/** Words for what valibot expects where no schema above gave its own. */
const VALIBOT_WORDS: Record<string, string> = { Object: 'an object', Array: 'a list' };

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
	const path = (issue.path ?? []).map((item) => item.key as PathKey);
	const { where, field } = placeOf(path);
	const subject = field ? `"${field}"` : 'the entry';
	if (issue.type === 'strict_object' && issue.expected === 'never')
		return capitalise(`${where}${subject} is not part of a backup.`);
	if (issue.type === 'strict_object' && issue.input === undefined && path.length > 0)
		return capitalise(`${where}${subject} is missing.`);
	// Each schema above names what it wants in words; valibot's own defaults begin "Invalid".
	const wanted = issue.message.startsWith('Invalid')
		? (VALIBOT_WORDS[issue.expected ?? ''] ?? `${issue.expected}`)
		: issue.message;
	// A check across fields (endedAt against startedAt) has no single value worth showing.
	if (issue.type === 'check' && typeof issue.input === 'object')
		return capitalise(`${where}${subject} should be ${wanted}.`);
	return capitalise(`${where}${subject} should be ${wanted}, but it is ${issue.received}.`);
}

/** The first record of a list whose key was already used, as "session 4" and the key. */
function firstRepeat<T>(
	items: readonly T[],
	keyOf: (item: T) => string
): { index: number; key: string } | undefined {
	const seen = new Set<string>();
	for (const [index, item] of items.entries()) {
		const key = keyOf(item);
		if (seen.has(key)) return { index, key };
		seen.add(key);
	}
	return undefined;
}

/** What the schema cannot see: records that clash with or point at other records. */
function linkProblem(backup: Backup): string | undefined {
	const sessionRepeat = firstRepeat(backup.sessions, (s) => s.id);
	if (sessionRepeat)
		return `Session ${sessionRepeat.index + 1} has the id "${sessionRepeat.key}", which an earlier session already has.`;
	const checkInRepeat = firstRepeat(backup.checkIns, (c) => c.sessionId);
	if (checkInRepeat)
		return `Check-in ${checkInRepeat.index + 1} is a second check-in for session "${checkInRepeat.key}".`;
	const sessionIds = new Set(backup.sessions.map((s) => s.id));
	const orphan = backup.checkIns.findIndex((c) => !sessionIds.has(c.sessionId));
	if (orphan >= 0)
		return `Check-in ${orphan + 1} belongs to session "${backup.checkIns[orphan]!.sessionId}", which is not in the file.`;
	const morningRepeat = firstRepeat(backup.mornings, (m) => m.date);
	if (morningRepeat)
		return `Morning answer ${morningRepeat.index + 1} is a second answer for ${morningRepeat.key}.`;
	const resetRepeat = firstRepeat(backup.resets, (r) => `${r.exerciseId} on ${r.date}`);
	if (resetRepeat) return `Reset ${resetRepeat.index + 1} repeats the reset of ${resetRepeat.key}.`;
	const applicationRepeat = firstRepeat(backup.applications, (a) => String(a.startedAt));
	if (applicationRepeat)
		return `Ice or heat application ${applicationRepeat.index + 1} started at the same moment as an earlier one.`;
	const followUpRepeat = firstRepeat(backup.followUps, (f) => String(f.at));
	if (followUpRepeat)
		return `Follow-up answer ${followUpRepeat.index + 1} was given at the same moment as an earlier one.`;
	return undefined;
}

/** The envelope first, so a file from elsewhere is named as such rather than picked apart. */
function envelopeProblem(json: unknown): string | undefined {
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		return 'The file is not a Back care backup: it holds no backup object.';
	const envelope = json as Record<string, unknown>;
	if (!('app' in envelope))
		return 'The file is not a Back care backup: it does not say which app made it.';
	if (envelope.app !== BACKUP_APP)
		return `The file was made by another app (${JSON.stringify(envelope.app)}), not by Back care.`;
	if (!('version' in envelope)) return 'The file does not say which backup format it uses.';
	const version = envelope.version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
		return `The file was made by a newer version of Back care (backup format ${version}; this app reads format ${BACKUP_VERSION}). Update the app, then import it again.`;
	if (version !== BACKUP_VERSION)
		return `The file's backup format ${JSON.stringify(version)} is not one Back care ever wrote.`;
	return undefined;
}

/**
 * Reads a backup file's text. Refuses it, with a sentence saying what is wrong, when it is not
 * JSON, too large, not ours, of a format this app does not read, holds a value out of range, or
 * has a key that could reach an object's prototype anywhere at all.
 */
export function readBackup(text: string): BackupReading {
	const sizeProblem = backupSizeProblem(new TextEncoder().encode(text).byteLength);
	if (sizeProblem) return refuse(sizeProblem);
	if (text.trim() === '') return refuse('The file is empty.');
	let json: unknown;
	try {
		json = JSON.parse(text, (key, value: unknown) => {
			if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
			return value;
		});
	} catch (error) {
		if (error instanceof ForbiddenKey)
			return refuse(
				`The file holds the key "${error.key}", which no backup has; it may be harmful.`
			);
		return refuse('The file is not a backup: its text is not JSON.');
	}
	const envelope = envelopeProblem(json);
	if (envelope) return refuse(envelope);
	const result = v.safeParse(BackupSchema, json);
	if (!result.success) {
		const [first, ...others] = result.issues;
		const more =
			others.length === 0
				? ''
				: ` (${others.length} more ${others.length === 1 ? 'problem' : 'problems'} after this one)`;
		return refuse(`${describeIssue(first)}${more}`);
	}
	const link = linkProblem(result.output);
	return link ? refuse(link) : { ok: true, backup: result.output };
}

export interface BackupPreview {
	sessions: number;
	checkIns: number;
	mornings: number;
	resets: number;
	/** Ice and heat applications. */
	applications: number;
	/** Answers to "have these signs gone?". */
	followUps: number;
	/** The first and the last day with a session. */
	firstDay?: LocalDate;
	lastDay?: LocalDate;
	exportedAt: string;
}

export function previewBackup(backup: Backup): BackupPreview {
	const days = backup.sessions.map((s) => s.date).sort();
	const firstDay = days[0];
	const lastDay = days.at(-1);
	return {
		sessions: backup.sessions.length,
		checkIns: backup.checkIns.length,
		mornings: backup.mornings.length,
		resets: backup.resets.length,
		applications: backup.applications.length,
		followUps: backup.followUps.length,
		...(firstDay ? { firstDay } : {}),
		...(lastDay ? { lastDay } : {}),
		exportedAt: backup.exportedAt
	};
}

/** Records of both, one per key; where both have one, the one stamped later. */
function unionByKey<T>(
	device: readonly T[],
	file: readonly T[],
	keyOf: (item: T) => string,
	timeOf: (item: T) => number
): T[] {
	const byKey = new Map<string, T>();
	for (const item of device) byKey.set(keyOf(item), item);
	for (const item of file) {
		const key = keyOf(item);
		const mine = byKey.get(key);
		if (mine === undefined || timeOf(item) > timeOf(mine)) byKey.set(key, item);
	}
	return [...byKey.values()];
}

/**
 * A merge of a backup into what the device holds: every record of either, and where both hold
 * one for the same session or day, the later one. The device's settings win, including one the
 * person set back to its default (kept as an explicit undefined); the file's fill in only what
 * the device never chose.
 */
export function mergeRecords(device: BackupRecords, file: BackupRecords): BackupRecords {
	return {
		sessions: unionByKey(
			device.sessions,
			file.sessions,
			(s) => s.id,
			(s) => s.endedAt
		),
		checkIns: unionByKey(
			device.checkIns,
			file.checkIns,
			(c) => c.sessionId,
			(c) => c.at
		),
		mornings: unionByKey(
			device.mornings,
			file.mornings,
			(m) => m.date,
			(m) => m.at
		),
		resets: unionByKey(
			device.resets,
			file.resets,
			(r) => `${r.exerciseId}\u0000${r.date}`,
			(r) => r.at
		),
		settings: { ...file.settings, ...device.settings },
		applications: unionByKey(
			device.applications ?? [],
			file.applications ?? [],
			(a) => String(a.startedAt),
			(a) => a.endedAt
		),
		followUps: unionByKey(
			device.followUps ?? [],
			file.followUps ?? [],
			(f) => String(f.at),
			(f) => f.at
		)
	};
}

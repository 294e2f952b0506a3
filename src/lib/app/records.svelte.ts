import type { BackupRecords } from '$lib/core/records/backup';
import type { ReplayCheckpoint } from '$lib/core/progression/checkpoint';
import {
	EMPTY_HISTORY,
	type CheckIn,
	type History,
	type LocalDate,
	type MorningAnswer,
	type ProgressionReset,
	type RedFlagFollowUp,
	type SessionRecord
} from '$lib/core/records/history';
import { awaitingCheckIn } from '$lib/core/player/check-in-due';
import type { CareApplication, RunningApplication } from '$lib/core/care/ice-heat';
import { DEFAULT_SETTINGS, type Settings } from '$lib/core/records/settings';
import {
	clearActiveRoutine,
	saveActiveRoutine,
	type SavedRoutine
} from '$lib/storage/active-routine';
import {
	applicationOrder,
	loadCare,
	recordApplicationEnd,
	saveRunningApplication
} from '$lib/storage/applications';
import type { ImportMode } from '$lib/storage/backup';
import { checkInOrder, saveCheckIn } from '$lib/storage/checkins';
import { ACTIVE_ROUTINE_KEY, type BackcareDB } from '$lib/storage/db';
import { loadHistory } from '$lib/storage/history';
import { followUpOrder, saveFollowUp } from '$lib/storage/follow-ups';
import { readMeta, writeMeta } from '$lib/storage/meta';
import { morningOrder, saveMorning } from '$lib/storage/mornings';
import { saveReset } from '$lib/storage/resets';
import { recordSessionEnd, sessionOrder } from '$lib/storage/sessions';
import { loadSettings, updateSettings } from '$lib/storage/settings';
import { database } from './database';
import { storageProblemOf, type StorageProblem } from './storage-problem';

/** A write that has not landed yet: what it is in words, how to make it, what it changes after. */
interface Waiting {
	key: string;
	what: string;
	write: (db: BackcareDB) => Promise<void>;
	stored: () => void;
	/** What of it a backup made before it is stored must carry. */
	records: Partial<
		Pick<BackupRecords, 'sessions' | 'checkIns' | 'mornings' | 'followUps' | 'applications'>
	>;
}

/**
 * The one owner of the stored records: history and settings as state, read once, and one method
 * per write. A write is awaited and its failure caught here; state changes only after it landed.
 * A write that fails is tried once more; if it fails again it waits, in memory and in order, and
 * `unsaved` says what waits, until `retry()` stores it (the page offers "Try again" and a backup).
 */
export class Records {
	history: Required<History> = $state.raw({ ...EMPTY_HISTORY, resets: [], followUps: [] });
	settings: Settings = $state.raw(DEFAULT_SETTINGS);
	loaded = $state(false);
	/** Ice and heat applications done, oldest first: read by `loadApplications()`. */
	applications: readonly CareApplication[] = $state.raw([]);
	/** The ice or heat application under way when the page was opened, if any. */
	runningApplication: RunningApplication | undefined = $state.raw();
	/** The day the person said their spasm started, if they did. */
	spasmStartedOn: LocalDate | undefined = $state();
	/** Opening or reading the database failed: the page shows why and a way out. */
	problem: StorageProblem | undefined = $state.raw();
	/** The session whose check-in the person set aside, if any. */
	private checkInSetAside: string | undefined;
	/** Something was not saved at some point: the notice stays to say when it was. */
	hadUnsaved = $state(false);
	/** What was not saved, in words, oldest first. */
	unsaved: readonly string[] = $state.raw([]);

	/** The replay's checkpoint as read with the records (see keepCheckpoint). */
	replayCheckpoint: ReplayCheckpoint | undefined;
	private keepingCheckpoint: Promise<void> = Promise.resolve();

	private readonly waiting: Waiting[] = [];
	private flushing: Promise<void> | undefined;

	constructor(private readonly open: () => Promise<BackcareDB>) {}

	/** Reads history and settings; false (with `problem` set) when storage could not be read. */
	async load(): Promise<boolean> {
		try {
			const db = await this.open();
			const [history, settings, setAside, checkpoint] = await Promise.all([
				loadHistory(db),
				loadSettings(db),
				readMeta(db, 'checkInSetAside'),
				readMeta(db, 'replayCheckpoint').catch(() => undefined)
			]);
			this.checkInSetAside = setAside;
			this.replayCheckpoint = checkpoint;
			this.history = history;
			this.settings = settings;
			this.loaded = true;
			this.problem = undefined;
			return true;
		} catch (error) {
			this.problem = storageProblemOf(error);
			return false;
		}
	}

	/**
	 * Reads ice and heat (the applications, the one under way, the spasm's first day); false (with
	 * `problem` set) when they could not be read, so a page never shows "none" for "unreadable".
	 */
	async loadApplications(): Promise<boolean> {
		try {
			const care = await loadCare(await this.open());
			this.applications = care.applications;
			this.runningApplication = care.running;
			this.spasmStartedOn = care.spasmStartedOn;
			return true;
		} catch (error) {
			this.problem = storageProblemOf(error);
			return false;
		}
	}

	/**
	 * What the person did: what is stored and what waits to be stored (a morning answer that waits
	 * still answers this morning's question).
	 */
	done(): Required<History> {
		return this.waiting.reduce((h, w) => withRecords(h, w.records), this.history);
	}

	/** The end of a routine; the routine in progress is cleared in the same write. */
	endSession(session: SessionRecord): Promise<boolean> {
		return this.enqueue({
			key: `session ${session.id}`,
			what: 'your routine',
			write: (db) => recordSessionEnd(db, session),
			stored: () => (this.history = withRecords(this.history, { sessions: [session] })),
			records: { sessions: [session] }
		});
	}

	checkIn(checkIn: CheckIn): Promise<boolean> {
		return this.enqueue({
			key: `check-in ${checkIn.sessionId}`,
			what: 'how the routine felt',
			write: (db) => saveCheckIn(db, checkIn),
			stored: () => (this.history = withRecords(this.history, { checkIns: [checkIn] })),
			records: { checkIns: [checkIn] }
		});
	}

	morning(answer: MorningAnswer): Promise<boolean> {
		return this.enqueue({
			key: `morning ${answer.date}`,
			what: 'how your back felt this morning',
			write: (db) => saveMorning(db, answer),
			stored: () => (this.history = withRecords(this.history, { mornings: [answer] })),
			records: { mornings: [answer] }
		});
	}

	/**
	 * The answer to "have these signs gone?" after red flags stopped the routine: a record of its
	 * own, so the day's morning answer stays as it was.
	 */
	followUp(followUp: RedFlagFollowUp): Promise<boolean> {
		return this.enqueue({
			key: `follow-up ${followUp.at}`,
			what: 'whether the warning signs have gone',
			write: (db) => saveFollowUp(db, followUp),
			stored: () => (this.history = withRecords(this.history, { followUps: [followUp] })),
			records: { followUps: [followUp] }
		});
	}

	/** Keeps the ice or heat application under way, so a reloaded page carries on counting down. */
	keepApplication(running: RunningApplication): Promise<boolean> {
		return this.enqueue({
			key: `running ${running.startedAt}`,
			what: `the ${running.kind} timer under way`,
			write: (db) => saveRunningApplication(db, running),
			stored: () => (this.runningApplication = running),
			records: {}
		});
	}

	/**
	 * The end of an ice or heat application: it is kept (none when it lasted under a minute) and
	 * the one under way let go, in one write.
	 */
	endApplication(application: CareApplication | undefined): Promise<boolean> {
		return this.enqueue({
			key: `application ${application?.startedAt ?? 'stopped'}`,
			what: application
				? `your ${application.minutes} ${application.minutes === 1 ? 'minute' : 'minutes'} of ${application.kind}`
				: 'that the timer was stopped',
			write: (db) => recordApplicationEnd(db, application),
			stored: () => {
				this.runningApplication = undefined;
				if (application) this.applications = withApplications(this.applications, [application]);
			},
			records: application ? { applications: [application] } : {}
		});
	}

	/** When the person says their spasm started, for the ice-or-heat suggestion. */
	spasmStarted(day: LocalDate): Promise<boolean> {
		return this.enqueue({
			key: `spasm ${day}`,
			what: 'when the spasm started',
			write: (db) => writeMeta(db, 'spasmStartedOn', day),
			stored: () => (this.spasmStartedOn = day),
			records: {}
		});
	}

	/** Starts an exercise again from its gentlest dose; throws a sentence when it was not saved. */
	async resetExercise(reset: ProgressionReset): Promise<void> {
		await twice(async () => saveReset(await this.open(), reset));
		const resets = [
			...this.history.resets.filter(
				(r) => r.exerciseId !== reset.exerciseId || r.date !== reset.date
			),
			reset
		];
		this.history = { ...this.history, resets };
	}

	/** Changes some settings; throws when they were not saved, and then nothing changed. */
	async updateSettings(change: Partial<Settings>): Promise<Settings> {
		this.settings = await twice(async () => updateSettings(await this.open(), change));
		return this.settings;
	}

	/** The routine in progress as kept, of whatever shape or format: check it before use. */
	async savedRoutine(): Promise<unknown> {
		return (await this.open()).get('activeRoutine', ACTIVE_ROUTINE_KEY);
	}

	/** Keeps the routine in progress (a failure is the caller's to handle: it keeps trying). */
	async keepRoutine(saved: SavedRoutine<unknown>): Promise<void> {
		await saveActiveRoutine(await this.open(), saved);
	}

	async discardRoutine(): Promise<void> {
		await twice(async () => clearActiveRoutine(await this.open()));
	}

	/** The session whose check-in is still to be asked, from what the person did. */
	awaitingCheckIn(now: number): SessionRecord | undefined {
		return awaitingCheckIn(this.done(), this.checkInSetAside, now);
	}

	/** "Not now": the check-in of `sessionId` is not asked again. */
	async setCheckInAside(sessionId: string): Promise<void> {
		this.checkInSetAside = sessionId;
		await writeMeta(await this.open(), 'checkInSetAside', sessionId).catch(() => {
			// Not kept: it may be asked once more after a reload, which does no harm.
		});
	}

	/**
	 * Keeps the replay's newest checkpoint, so the next opening starts from it. Not kept is no
	 * loss: the replay then starts from day one, as it would without one.
	 */
	keepCheckpoint(checkpoint: ReplayCheckpoint): Promise<void> {
		if (checkpoint === this.replayCheckpoint) return this.keepingCheckpoint;
		this.replayCheckpoint = checkpoint;
		this.keepingCheckpoint = this.open()
			.then((db) => writeMeta(db, 'replayCheckpoint', checkpoint))
			.catch(() => {
				// Not kept: the next opening replays from day one and tries again.
			});
		return this.keepingCheckpoint;
	}

	/** When everything was last exported to a backup file, if ever. */
	async lastBackupAt(): Promise<number | undefined> {
		return readMeta(await this.open(), 'lastBackupAt');
	}

	/** Notes that everything was exported to a backup file at `at`. */
	async backedUp(at: number): Promise<void> {
		await writeMeta(await this.open(), 'lastBackupAt', at);
	}

	/** How many sessions are stored. */
	async sessionCount(): Promise<number> {
		return (await this.open()).count('sessions');
	}

	/**
	 * Puts a checked backup into storage, all or nothing (storage/backup.ts), then reads history
	 * and settings again; returns how many sessions are stored now.
	 */
	async importBackup(backup: BackupRecords, mode: ImportMode): Promise<number> {
		const db = await this.open();
		const { importBackup } = await import('$lib/storage/backup');
		await importBackup(db, backup, mode);
		await this.load();
		return db.count('sessions');
	}

	/** Tries every waiting write again, oldest first; true when nothing waits any more. */
	async retry(): Promise<boolean> {
		await this.flush();
		return this.waiting.length === 0;
	}

	/** Everything stored, with what waits to be stored, for a backup made while writes wait. */
	async everything(): Promise<BackupRecords> {
		let stored: BackupRecords;
		try {
			const { readEverything } = await import('$lib/storage/backup');
			stored = await readEverything(await this.open());
		} catch {
			// Storage cannot be read at all: the backup holds what this page knows.
			stored = { ...this.history, settings: {} };
		}
		return this.waiting.reduce(
			(all, w) => ({
				...withRecords(all, w.records),
				applications: withApplications(all.applications ?? [], w.records.applications ?? [])
			}),
			stored
		);
	}

	private async enqueue(write: Waiting): Promise<boolean> {
		this.waiting.push(write);
		await this.flush();
		return !this.waiting.includes(write);
	}

	/** Stores what waits, in order, each tried twice; stops at the first that still fails. */
	private flush(): Promise<void> {
		const run = async () => {
			while (this.waiting.length > 0) {
				const next = this.waiting[0]!;
				try {
					await twice(async () => next.write(await this.open()));
				} catch {
					break;
				}
				this.waiting.shift();
				next.stored();
			}
			this.unsaved = this.waiting.map((w) => w.what);
			if (this.waiting.length > 0) this.hadUnsaved = true;
		};
		const after = (this.flushing ?? Promise.resolve()).then(run);
		this.flushing = after;
		return after;
	}
}

/** Runs a write, and once more if it fails; the second failure is thrown. */
async function twice<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch {
		return await write();
	}
}

/** `history` with `records` added, each replacing one of the same key, in storage's order. */
function withRecords<H extends Pick<History, 'sessions' | 'checkIns' | 'mornings' | 'followUps'>>(
	history: H,
	records: Waiting['records']
): H {
	const replace = <T>(
		list: readonly T[],
		added: readonly T[] | undefined,
		key: (item: T) => string,
		order: (a: T, b: T) => number
	) => {
		if (!added || added.length === 0) return [...list];
		const keys = new Set(added.map(key));
		return [...list.filter((item) => !keys.has(key(item))), ...added].sort(order);
	};
	return {
		...history,
		sessions: replace(history.sessions, records.sessions, (s) => s.id, sessionOrder),
		checkIns: replace(history.checkIns, records.checkIns, (c) => c.sessionId, checkInOrder),
		mornings: replace(history.mornings, records.mornings, (m) => m.date, morningOrder),
		followUps: replace(
			history.followUps ?? [],
			records.followUps,
			(f) => String(f.at),
			followUpOrder
		)
	};
}

/** `list` with `added`, each replacing one that started at the same time, oldest first. */
function withApplications(
	list: readonly CareApplication[],
	added: readonly CareApplication[]
): CareApplication[] {
	if (added.length === 0) return [...list];
	const starts = new Set(added.map((a) => a.startedAt));
	return [...list.filter((a) => !starts.has(a.startedAt)), ...added].sort(applicationOrder);
}

/** The app's records, in this device's database. */
export const records = new Records(database);

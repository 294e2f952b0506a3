import { buildBackup, mergeRecords, type Backup, type BackupRecords } from '../core/records/backup';
import type { ChosenSettings } from '../core/records/settings';
import { applicationOrder } from './applications';
import { checkInOrder } from './checkins';
import { SETTINGS_KEY, type BackcareDB } from './db';
import { followUpOrder } from './follow-ups';
import { morningOrder } from './mornings';
import { resetOrder } from './resets';
import { sessionOrder } from './sessions';
import { abortQuietly } from './transaction';

/** The stores a backup holds. The routine in progress and the app's own notes are not in it. */
const BACKUP_STORES = [
	'sessions',
	'checkIns',
	'mornings',
	'resets',
	'settings',
	'applications',
	'followUps'
] as const;

/** Everything a backup holds, read in one transaction so no record is caught halfway. */
export async function readEverything(db: BackcareDB): Promise<BackupRecords> {
	const tx = db.transaction([...BACKUP_STORES]);
	const [sessions, checkIns, mornings, resets, settings, applications, followUps] =
		await Promise.all([
			tx.objectStore('sessions').getAll(),
			tx.objectStore('checkIns').getAll(),
			tx.objectStore('mornings').getAll(),
			tx.objectStore('resets').getAll(),
			tx.objectStore('settings').get(SETTINGS_KEY),
			tx.objectStore('applications').getAll(),
			tx.objectStore('followUps').getAll(),
			tx.done
		]);
	return {
		sessions: sessions.sort(sessionOrder),
		checkIns: checkIns.sort(checkInOrder),
		mornings: mornings.sort(morningOrder),
		resets: resets.sort(resetOrder),
		settings: (settings ?? {}) as ChosenSettings,
		applications: applications.sort(applicationOrder),
		followUps: followUps.sort(followUpOrder)
	};
}

/** The backup of everything, as of `now`. */
export async function exportBackup(db: BackcareDB, now: number): Promise<Backup> {
	return buildBackup(await readEverything(db), now);
}

/** Replace: the device then holds exactly the file. Merge: it keeps its records and adds the file's. */
export type ImportMode = 'replace' | 'merge';

/**
 * Puts a validated backup into storage in one transaction: either all of it lands, or nothing
 * changes. Merging reads what the device holds inside that same transaction, so a session
 * recorded in another tab meanwhile is merged too rather than lost.
 */
export async function importBackup(
	db: BackcareDB,
	backup: BackupRecords,
	mode: ImportMode
): Promise<void> {
	const tx = db.transaction([...BACKUP_STORES], 'readwrite');
	const requests: Promise<unknown>[] = [];
	try {
		const sessions = tx.objectStore('sessions');
		const checkIns = tx.objectStore('checkIns');
		const mornings = tx.objectStore('mornings');
		const resets = tx.objectStore('resets');
		const settings = tx.objectStore('settings');
		const applications = tx.objectStore('applications');
		const followUps = tx.objectStore('followUps');
		let records = backup;
		if (mode === 'merge') {
			// Only this transaction's own requests are awaited: it stays open while they run.
			const [s, c, m, r, chosen, a, f] = await Promise.all([
				sessions.getAll(),
				checkIns.getAll(),
				mornings.getAll(),
				resets.getAll(),
				settings.get(SETTINGS_KEY),
				applications.getAll(),
				followUps.getAll()
			]);
			const device = {
				sessions: s,
				checkIns: c,
				mornings: m,
				resets: r,
				settings: (chosen ?? {}) as ChosenSettings,
				applications: a,
				followUps: f
			};
			records = mergeRecords(device, backup);
		}
		requests.push(
			sessions.clear(),
			checkIns.clear(),
			mornings.clear(),
			resets.clear(),
			applications.clear(),
			followUps.clear()
		);
		for (const session of records.sessions) requests.push(sessions.put(session));
		for (const checkIn of records.checkIns) requests.push(checkIns.put(checkIn));
		for (const morning of records.mornings) requests.push(mornings.put(morning));
		for (const reset of records.resets) requests.push(resets.put(reset));
		for (const application of records.applications ?? [])
			requests.push(applications.put(application));
		for (const followUp of records.followUps ?? []) requests.push(followUps.put(followUp));
		requests.push(settings.put(records.settings, SETTINGS_KEY));
	} catch (error) {
		// A write that throws at once (a value that cannot be stored) would leave the others to
		// commit; aborting undoes them all.
		abortQuietly(tx);
		await Promise.allSettled([...requests, tx.done]);
		throw error;
	}
	await Promise.all([...requests, tx.done]);
}

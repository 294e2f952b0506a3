/**
 * How safe the person's progress is on this device, and the one thing worth doing about it
 * (the data-safety indicator). Pure: the page passes what the browser said.
 */

export const BACKUP_STALE_DAYS = 14;
const DAY_MS = 86_400_000;

export type Persistence = 'persistent' | 'best-effort' | 'unsupported';

export interface DataSafetyInput {
	persistence: Persistence;
	/** When a backup was last exported, if ever. */
	lastBackupAt?: number;
	/** When each stored session ended. */
	sessionEndTimes: readonly number[];
	now: number;
	/** Running as an installed app (display-mode: standalone). */
	installed: boolean;
	/** A browser that deletes a site's data after 7 days without use unless it is installed (Safari). */
	clearsUnusedSites: boolean;
}

export type DataSafetyKind = 'nothing-yet' | 'safe' | 'not-backed-up' | 'backup-old' | 'not-kept';

export interface DataSafety {
	kind: DataSafetyKind;
	/** One calm sentence: where things stand. */
	summary: string;
	/** What to do, when something is worth doing. */
	nudges: string[];
}

export function dataSafety(input: DataSafetyInput): DataSafety {
	const { persistence, lastBackupAt, sessionEndTimes, now, installed, clearsUnusedSites } = input;
	if (sessionEndTimes.length === 0) {
		return { kind: 'nothing-yet', summary: 'Nothing to keep safe yet.', nudges: [] };
	}
	const newSince = sessionEndTimes.filter((t) => lastBackupAt === undefined || t > lastBackupAt);
	const backupAgeDays =
		lastBackupAt === undefined ? undefined : Math.floor((now - lastBackupAt) / DAY_MS);
	const nudges: string[] = [];
	if (clearsUnusedSites && !installed) {
		nudges.push(
			'This browser deletes a website’s data after 7 days without a visit unless it is installed: add the app to your Home Screen.'
		);
	} else if (persistence !== 'persistent' && !installed) {
		nudges.push('Install the app: browsers keep an installed app’s data longer.');
	}

	let kind: DataSafetyKind;
	let summary: string;
	if (lastBackupAt === undefined) {
		kind = 'not-backed-up';
		summary = `Not backed up: ${newSince.length} ${newSince.length === 1 ? 'session is' : 'sessions are'} only on this device.`;
		nudges.push('Export a backup in Settings and keep the file somewhere safe.');
	} else if (backupAgeDays! > BACKUP_STALE_DAYS && newSince.length > 0) {
		kind = 'backup-old';
		summary = `Last backup ${backupAgeDays} days ago; ${newSince.length} ${newSince.length === 1 ? 'session' : 'sessions'} since then.`;
		nudges.push('Export a fresh backup in Settings.');
	} else if (persistence !== 'persistent') {
		kind = 'not-kept';
		summary =
			'Backed up, but the browser may clear the app’s data if the device runs short of space.';
	} else {
		kind = 'safe';
		summary = 'Kept on this device and backed up.';
	}
	return { kind, summary, nudges };
}

import type { CareApplication, RunningApplication } from '../core/care/ice-heat';
import type { LocalDate } from '../core/records/history';
import { daysFromTo, type BackcareDB } from './db';
import { readMeta, writeMeta } from './meta';
import { writeTogether } from './transaction';

/** Ice and heat applications: the one under way (in meta) and those done (their own store). */

export const applicationOrder = (a: CareApplication, b: CareApplication): number =>
	a.startedAt - b.startedAt;

/** Every application, oldest first. */
export async function listApplications(db: BackcareDB): Promise<CareApplication[]> {
	return (await db.getAll('applications')).sort(applicationOrder);
}

/** The applications of the days from `from` to `to`, both included, oldest first. */
export async function listApplicationsBetween(
	db: BackcareDB,
	from: LocalDate,
	to: LocalDate
): Promise<CareApplication[]> {
	const days = daysFromTo(from, to);
	if (!days) return [];
	return (await db.getAllFromIndex('applications', 'by-date', days)).sort(applicationOrder);
}

/** What the ice-and-heat page starts from, read together. */
export interface CareRecords {
	applications: CareApplication[];
	running: RunningApplication | undefined;
	spasmStartedOn: LocalDate | undefined;
}

/**
 * Every application, the one under way and the day the spasm started, in one transaction: an
 * application ending meanwhile is read as ended or as under way, never both or neither.
 */
export async function loadCare(db: BackcareDB): Promise<CareRecords> {
	const tx = db.transaction(['applications', 'meta']);
	const [applications, running, spasmStartedOn] = await Promise.all([
		tx.objectStore('applications').getAll(),
		tx.objectStore('meta').get('runningApplication'),
		tx.objectStore('meta').get('spasmStartedOn'),
		tx.done
	]);
	// The meta store holds each key's own type: writeMeta is the only way in.
	return {
		applications: applications.sort(applicationOrder),
		running: running as RunningApplication | undefined,
		spasmStartedOn: spasmStartedOn as LocalDate | undefined
	};
}

export function loadRunningApplication(db: BackcareDB): Promise<RunningApplication | undefined> {
	return readMeta(db, 'runningApplication');
}

export function saveRunningApplication(db: BackcareDB, running: RunningApplication): Promise<void> {
	return writeMeta(db, 'runningApplication', running);
}

/**
 * Ends the application under way: the record is kept and the running one let go together, so a
 * page closed at that moment neither loses the application nor counts it twice. Without a record
 * (stopped before a minute had passed) only the running one goes.
 */
export async function recordApplicationEnd(
	db: BackcareDB,
	application: CareApplication | undefined
): Promise<void> {
	await writeTogether(db, ['applications', 'meta'], function* (tx) {
		if (application) yield tx.objectStore('applications').put(application);
		yield tx.objectStore('meta').delete('runningApplication');
	});
}

// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	mergeRecords,
	previewBackup,
	readBackup,
	type Backup
} from '../../src/lib/core/records/backup';
import { listApplications, recordApplicationEnd } from '../../src/lib/storage/applications';
import { exportBackup, importBackup, readEverything } from '../../src/lib/storage/backup';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { EXPORTED_AT, fixtureBackup } from '../fixtures/storage/backup';
import { mondayIce, thursdayHeat } from '../fixtures/storage/records';

let db: BackcareDB;

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
});

afterEach(() => db.close());

function withApplications(): Backup {
	return { ...fixtureBackup(), applications: [mondayIce, thursdayHeat] };
}

function problemOf(text: string): string {
	const reading = readBackup(text);
	if (reading.ok) throw new Error('the file was accepted');
	return reading.problem;
}

describe('ice and heat in backups', () => {
	test('a backup made after applications restores them on another device', async () => {
		await recordApplicationEnd(db, thursdayHeat);
		await recordApplicationEnd(db, mondayIce);
		const text = JSON.stringify(await exportBackup(db, EXPORTED_AT));

		const reading = readBackup(text);
		if (!reading.ok) throw new Error(reading.problem);
		const other = await openBackcareDB(new IDBFactory());
		await importBackup(other, reading.backup, 'replace');

		expect(await listApplications(other)).toEqual([mondayIce, thursdayHeat]);
		other.close();
	});

	test('a backup made before ice and heat existed still imports, with none', async () => {
		const old = fixtureBackup() as Partial<Backup>;
		delete old.applications;
		const text = JSON.stringify(old);
		expect(text).not.toContain('applications');

		const reading = readBackup(text);
		if (!reading.ok) throw new Error(reading.problem);
		await importBackup(db, reading.backup, 'replace');

		expect(reading.backup.applications).toEqual([]);
		expect(previewBackup(reading.backup).applications).toBe(0);
		expect((await readEverything(db)).sessions).toHaveLength(3);
		expect(await listApplications(db)).toEqual([]);
	});

	test('replacing with a file leaves exactly its applications; merging keeps both', async () => {
		await recordApplicationEnd(db, mondayIce);
		const onlyHeat = { ...fixtureBackup(), applications: [thursdayHeat] };

		await importBackup(db, onlyHeat, 'merge');
		expect(await listApplications(db)).toEqual([mondayIce, thursdayHeat]);

		await importBackup(db, onlyHeat, 'replace');
		expect(await listApplications(db)).toEqual([thursdayHeat]);
	});

	test('the same application in device and file is kept once', () => {
		const none = { sessions: [], checkIns: [], mornings: [], resets: [], settings: {} };
		const merged = mergeRecords(
			{ ...none, applications: [mondayIce] },
			{ ...none, applications: [mondayIce, thursdayHeat] }
		);
		expect(merged.applications).toEqual([mondayIce, thursdayHeat]);
	});

	test('the preview counts them', () => {
		expect(previewBackup(withApplications()).applications).toBe(2);
	});

	test.each([
		{
			what: 'an application that is neither ice nor heat',
			change: { kind: 'steam' },
			problem: 'In ice or heat application 1, "kind" should be ice or heat, but it is "steam".'
		},
		{
			what: 'minutes that are not whole',
			change: { minutes: 20.5 },
			problem:
				'In ice or heat application 1, "minutes" should be a whole number of minutes from 0 to 120, but it is 20.5.'
		},
		{
			what: 'an end before its start',
			change: { endedAt: mondayIce.startedAt - 1 },
			problem:
				'In ice or heat application 1, "endedAt" should be a time no earlier than the start (startedAt).'
		}
	])('$what is refused with a sentence, and changes nothing', async ({ change, problem }) => {
		await recordApplicationEnd(db, thursdayHeat);
		const backup = withApplications();
		const text = JSON.stringify({
			...backup,
			applications: [{ ...mondayIce, ...change }, thursdayHeat]
		});

		expect(problemOf(text)).toBe(problem);
		expect(await listApplications(db)).toEqual([thursdayHeat]);
	});

	test('two applications started at the same moment are refused', () => {
		const text = JSON.stringify({ ...withApplications(), applications: [mondayIce, mondayIce] });
		expect(problemOf(text)).toBe(
			'Ice or heat application 2 started at the same moment as an earlier one.'
		);
	});
});

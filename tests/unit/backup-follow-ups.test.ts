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
import { exportBackup, importBackup } from '../../src/lib/storage/backup';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { listFollowUps, saveFollowUp } from '../../src/lib/storage/follow-ups';
import { listMornings } from '../../src/lib/storage/mornings';
import { EXPORTED_AT, fixtureBackup } from '../fixtures/storage/backup';
import {
	FOLLOW_UPS,
	MORNINGS,
	thursdayClinicianSeen,
	thursdayStillThere,
	wednesdayGone
} from '../fixtures/storage/records';

let db: BackcareDB;

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
});

afterEach(() => db.close());

function withFollowUps(): Backup {
	return { ...fixtureBackup(), followUps: [wednesdayGone, thursdayStillThere] };
}

function problemOf(text: string): string {
	const reading = readBackup(text);
	if (reading.ok) throw new Error('the file was accepted');
	return reading.problem;
}

describe('answers to "have these signs gone?" in backups', () => {
	test('exported, imported in place of everything, and exported again byte for byte', async () => {
		await importBackup(db, fixtureBackup(), 'replace');
		for (const followUp of FOLLOW_UPS) await saveFollowUp(db, followUp);
		const first = JSON.stringify(await exportBackup(db, EXPORTED_AT));
		expect(JSON.parse(first).followUps).toEqual([
			wednesdayGone,
			thursdayStillThere,
			thursdayClinicianSeen
		]);

		const reading = readBackup(first);
		if (!reading.ok) throw new Error(reading.problem);
		const other = await openBackcareDB(new IDBFactory());
		await saveFollowUp(other, { date: '2025-02-01', at: Date.UTC(2025, 1, 1), answer: 'gone' });
		await importBackup(other, reading.backup, 'replace');

		expect(await listFollowUps(other)).toEqual([
			wednesdayGone,
			thursdayStillThere,
			thursdayClinicianSeen
		]);
		expect(await listMornings(other)).toEqual(MORNINGS);
		expect(JSON.stringify(await exportBackup(other, EXPORTED_AT))).toBe(first);
		other.close();
	});

	test('a backup made before follow-ups were kept still imports, with none', async () => {
		const old = fixtureBackup() as Partial<Backup>;
		delete old.followUps;
		const text = JSON.stringify(old);
		expect(text).not.toContain('followUps');

		const reading = readBackup(text);
		if (!reading.ok) throw new Error(reading.problem);
		await importBackup(db, reading.backup, 'replace');

		expect(reading.backup.followUps).toEqual([]);
		expect(previewBackup(reading.backup).followUps).toBe(0);
		expect(await listFollowUps(db)).toEqual([]);
	});

	test('merging keeps the answers of both, each once', async () => {
		await saveFollowUp(db, thursdayClinicianSeen);
		await saveFollowUp(db, wednesdayGone);

		await importBackup(db, withFollowUps(), 'merge');

		expect(await listFollowUps(db)).toEqual([
			wednesdayGone,
			thursdayStillThere,
			thursdayClinicianSeen
		]);
		const none = { sessions: [], checkIns: [], mornings: [], resets: [], settings: {} };
		expect(
			mergeRecords(
				{ ...none, followUps: [wednesdayGone] },
				{ ...none, followUps: [wednesdayGone, thursdayStillThere] }
			).followUps
		).toEqual([wednesdayGone, thursdayStillThere]);
	});

	test('the preview counts them', () => {
		expect(previewBackup(withFollowUps()).followUps).toBe(2);
	});

	test.each([
		{
			what: 'an answer the question never offered',
			change: { answer: 'maybe' },
			problem:
				'In follow-up answer 1, "answer" should be gone, clinician-seen or still-there, but it is "maybe".'
		},
		{
			what: 'a day that does not exist',
			change: { date: '2025-02-30' },
			problem:
				'In follow-up answer 1, "date" should be a real calendar date as YYYY-MM-DD, but it is "2025-02-30".'
		},
		{
			what: 'a field no follow-up has',
			change: { feeling: 'better' },
			problem: 'In follow-up answer 1, "feeling" is not part of a backup.'
		}
	])('$what is refused with a sentence, and changes nothing', async ({ change, problem }) => {
		await saveFollowUp(db, thursdayClinicianSeen);
		const text = JSON.stringify({
			...withFollowUps(),
			followUps: [{ ...wednesdayGone, ...change }, thursdayStillThere]
		});

		expect(problemOf(text)).toBe(problem);
		expect(await listFollowUps(db)).toEqual([thursdayClinicianSeen]);
	});

	test('two answers given at the same moment are refused', () => {
		const text = JSON.stringify({ ...withFollowUps(), followUps: [wednesdayGone, wednesdayGone] });
		expect(problemOf(text)).toBe(
			'Follow-up answer 2 was given at the same moment as an earlier one.'
		);
	});
});

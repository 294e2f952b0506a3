// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readBackup, type BackupRecords } from '../../src/lib/core/records/backup';
import type { SessionRecord } from '../../src/lib/core/records/history';
import { loadActiveRoutine, saveActiveRoutine } from '../../src/lib/storage/active-routine';
import { exportBackup, importBackup, readEverything } from '../../src/lib/storage/backup';
import { saveCheckIn } from '../../src/lib/storage/checkins';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { loadHistory } from '../../src/lib/storage/history';
import { saveMorning } from '../../src/lib/storage/mornings';
import { saveReset } from '../../src/lib/storage/resets';
import { saveSession } from '../../src/lib/storage/sessions';
import { loadSettings, updateSettings } from '../../src/lib/storage/settings';
import { EXPORTED_AT, SETTINGS_IN_BACKUP, fixtureBackup } from '../fixtures/storage/backup';
import {
	CHECK_INS,
	MORNINGS,
	SESSIONS,
	mondayCheckIn,
	mondaySession,
	tuesdaySession,
	wednesdayMorning,
	wednesdayTwistReset
} from '../fixtures/storage/records';

let db: BackcareDB;

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
});

afterEach(() => db.close());

/** The records of the fixture backup, without its envelope. */
function fixtureRecords(): BackupRecords {
	const { app: _app, version: _version, exportedAt: _at, ...records } = fixtureBackup();
	return records;
}

/** A session on another day than any fixture's, as a device might have recorded it. */
const thursdaySession: SessionRecord = {
	...tuesdaySession,
	id: 's-2025-03-06-a',
	date: '2025-03-06',
	startedAt: tuesdaySession.startedAt + 2 * 86_400_000,
	endedAt: tuesdaySession.endedAt + 2 * 86_400_000
};

async function fillLikeTheFixture(target: BackcareDB): Promise<void> {
	for (const session of SESSIONS) await saveSession(target, session);
	for (const checkIn of CHECK_INS) await saveCheckIn(target, checkIn);
	for (const morning of MORNINGS) await saveMorning(target, morning);
	await saveReset(target, wednesdayTwistReset);
	await updateSettings(target, SETTINGS_IN_BACKUP);
}

describe('export', () => {
	test('exports every session, check-in, morning, reset and chosen setting', async () => {
		await fillLikeTheFixture(db);

		expect(await exportBackup(db, EXPORTED_AT)).toEqual(fixtureBackup());
	});

	test('an exported file read back on a new device gives the same history and settings', async () => {
		await fillLikeTheFixture(db);
		const text = JSON.stringify(await exportBackup(db, EXPORTED_AT));
		const fresh = await openBackcareDB(new IDBFactory());

		const reading = readBackup(text);
		if (!reading.ok) throw new Error(reading.problem);
		await importBackup(fresh, reading.backup, 'replace');

		expect(await loadHistory(fresh)).toEqual(await loadHistory(db));
		expect(await loadSettings(fresh)).toEqual(await loadSettings(db));
		fresh.close();
	});
});

describe('import', () => {
	test('replacing leaves the device holding exactly the file', async () => {
		await saveSession(db, thursdaySession);
		await updateSettings(db, { vibration: false });

		await importBackup(db, fixtureRecords(), 'replace');

		expect(await readEverything(db)).toEqual(fixtureRecords());
		expect(await loadSettings(db)).toEqual({
			voice: false,
			beeps: true,
			vibration: true,
			restSeconds: 25,
			droppedExercises: ['plank']
		});
	});

	test('merging keeps what the device has and adds what the file has', async () => {
		await saveSession(db, thursdaySession);
		await saveSession(db, mondaySession);
		await saveCheckIn(db, mondayCheckIn);
		await updateSettings(db, { voice: true, vibration: false });

		await importBackup(db, fixtureRecords(), 'merge');

		const history = await loadHistory(db);
		expect(history.sessions).toEqual(
			[...SESSIONS, thursdaySession].sort((a, b) => a.startedAt - b.startedAt)
		);
		expect(history.checkIns).toEqual(CHECK_INS);
		expect(history.mornings).toEqual(MORNINGS);
		expect(history.resets).toEqual([wednesdayTwistReset]);
		expect(await loadSettings(db)).toEqual({
			voice: true,
			beeps: true,
			vibration: false,
			restSeconds: 25,
			droppedExercises: ['plank']
		});
	});

	test('merging keeps a setting the person set back to its default, not the file’s value', async () => {
		await updateSettings(db, { restSeconds: 40 });
		await updateSettings(db, { restSeconds: undefined });

		await importBackup(db, fixtureRecords(), 'merge');

		const settings = await loadSettings(db);
		expect(settings.restSeconds).toBeUndefined();
		// What the person never chose still comes from the file.
		expect(settings.droppedExercises).toEqual(['plank']);
	});

	test('the routine in progress and the last backup time are not touched', async () => {
		const inProgress = { version: 1, savedAt: 5, state: { step: 3 } };
		await saveActiveRoutine(db, inProgress);

		await importBackup(db, fixtureRecords(), 'replace');

		expect(await loadActiveRoutine(db, 1)).toEqual(inProgress);
	});
});

describe('an import that fails part of the way leaves the old data', () => {
	/** Records whose last session cannot be stored, as a Svelte $state proxy cannot be cloned. */
	function failingHalfway(): BackupRecords {
		const records = fixtureRecords();
		const last = records.sessions.length - 1;
		records.sessions[last] = new Proxy(records.sessions[last]!, {});
		return records;
	}

	test.each(['replace', 'merge'] as const)('when replacing or merging (%s)', async (mode) => {
		await saveSession(db, thursdaySession);
		await saveMorning(db, wednesdayMorning);
		await updateSettings(db, { beeps: false });
		const before = await readEverything(db);

		await expect(importBackup(db, failingHalfway(), mode)).rejects.toMatchObject({
			name: 'DataCloneError'
		});

		expect(await readEverything(db)).toEqual(before);
	});

	test('when a record is refused by the database itself, after the others were written', async () => {
		await saveSession(db, thursdaySession);
		const before = await readEverything(db);
		const records = fixtureRecords();
		// A morning without its key: the store cannot file it.
		records.mornings.push({ ...wednesdayMorning, date: undefined } as never);

		await expect(importBackup(db, records, 'replace')).rejects.toMatchObject({ name: 'DataError' });

		expect(await readEverything(db)).toEqual(before);
	});
});

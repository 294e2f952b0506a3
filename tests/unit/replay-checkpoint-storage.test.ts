import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { defaultRoutine, exerciseById } from '../../src/lib/content';
import { Records } from '../../src/lib/app/records.svelte';
import { snapshot } from '../../src/lib/app/snapshot';
import { dayPlan } from '../../src/lib/core/progression/progression';
import { addDays } from '../../src/lib/core/time/calendar';
import { importBackup } from '../../src/lib/storage/backup';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { readMeta } from '../../src/lib/storage/meta';
import { dailyBackup } from '../fixtures/daily-backup';

const TODAY = '2026-03-10';
let db: BackcareDB;

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
});

afterEach(() => db.close());

/** Today's plan from day one, as if no checkpoint had ever been kept. */
function fromDayOne(records: Records) {
	return dayPlan({
		exercises: exerciseById,
		routine: defaultRoutine(),
		history: records.history,
		today: TODAY
	});
}

function said<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** Waits for the write the snapshot started in the background. */
async function settled(records: Records): Promise<void> {
	await records.keepCheckpoint(records.replayCheckpoint!);
}

test('the replay checkpoint is kept with the records, and the next opening starts from it with the same plan', async () => {
	const diary = (days: number, pain: number) =>
		dailyBackup({ from: addDays(TODAY, -days), days, pain: (day) => (day % 7 === 3 ? pain : 1) });
	await importBackup(db, diary(90, 4), 'replace');
	const first = new Records(async () => db);
	await first.load();
	expect(first.replayCheckpoint).toBeUndefined();
	const opened = snapshot(first, TODAY);
	await settled(first);
	const kept = await readMeta(db, 'replayCheckpoint');
	expect(kept?.through).toBe(addDays(TODAY, -1));
	expect(said(opened.plan)).toEqual(said(fromDayOne(first)));

	// The next opening reads it and gives the plan a replay from day one gives.
	const second = new Records(async () => db);
	await second.load();
	expect(second.replayCheckpoint).toEqual(kept);
	expect(said(snapshot(second, TODAY).plan)).toEqual(said(fromDayOne(second)));

	// A backup that replaces everything no longer matches it: rebuilt, with a new key.
	await importBackup(db, diary(60, 7), 'replace');
	const third = new Records(async () => db);
	await third.load();
	expect(said(snapshot(third, TODAY).plan)).toEqual(said(fromDayOne(third)));
	await settled(third);
	expect((await readMeta(db, 'replayCheckpoint'))?.key).not.toBe(kept?.key);
});

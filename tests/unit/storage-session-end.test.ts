// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CheckIn } from '../../src/lib/core/records/history';
import { loadActiveRoutine, saveActiveRoutine } from '../../src/lib/storage/active-routine';
import { checkInOf } from '../../src/lib/storage/checkins';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { listSessions, recordSessionEnd, saveSession } from '../../src/lib/storage/sessions';
import { writeTogether } from '../../src/lib/storage/transaction';
import { mondayCheckIn, mondaySession, tuesdaySession } from '../fixtures/storage/records';

let db: BackcareDB;
const inProgress = { version: 1, savedAt: mondaySession.endedAt - 5_000, state: { step: 9 } };

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
	await saveActiveRoutine(db, inProgress);
});

afterEach(() => db.close());

test('finishing a routine records the session and its check-in and clears the routine', async () => {
	await recordSessionEnd(db, mondaySession, mondayCheckIn);

	expect(await listSessions(db)).toEqual([mondaySession]);
	expect(await checkInOf(db, mondaySession.id)).toEqual(mondayCheckIn);
	expect(await loadActiveRoutine(db, 1)).toBeUndefined();
});

test('a session ended without a check-in is recorded on its own', async () => {
	await recordSessionEnd(db, mondaySession);

	expect(await listSessions(db)).toEqual([mondaySession]);
	expect(await checkInOf(db, mondaySession.id)).toBeUndefined();
	expect(await loadActiveRoutine(db, 1)).toBeUndefined();
});

test('a write that throws at once undoes the writes made before it', async () => {
	// A check-in without its key cannot be stored: the write fails after the session's was made.
	const keyless = { ...mondayCheckIn, sessionId: undefined } as unknown as CheckIn;
	const writeBoth = writeTogether(db, ['sessions', 'checkIns', 'activeRoutine'], function* (tx) {
		yield tx.objectStore('sessions').put(mondaySession);
		yield tx.objectStore('checkIns').put(keyless);
		yield tx.objectStore('activeRoutine').clear();
	});

	await expect(writeBoth).rejects.toMatchObject({ name: 'DataError' });
	expect(await listSessions(db)).toEqual([]);
	expect(await loadActiveRoutine(db, 1)).toEqual(inProgress);
});

test('a session and its check-in are saved together or not at all', async () => {
	// What a Svelte $state proxy passed without $state.snapshot() does: it cannot be cloned.
	const reactiveCheckIn = new Proxy(mondayCheckIn, {});

	await expect(recordSessionEnd(db, mondaySession, reactiveCheckIn)).rejects.toMatchObject({
		name: 'DataCloneError'
	});
	expect(await listSessions(db)).toEqual([]);
	expect(await checkInOf(db, mondaySession.id)).toBeUndefined();
	expect(await loadActiveRoutine(db, 1)).toEqual(inProgress);
});

test('a write that fails after it was made undoes the writes made with it', async () => {
	await saveSession(db, tuesdaySession);
	const writeBoth = writeTogether(db, ['sessions', 'activeRoutine'], function* (tx) {
		yield tx.objectStore('activeRoutine').clear();
		yield tx.objectStore('sessions').put(mondaySession);
		// Adding a session whose id is taken fails only once the request runs.
		yield tx.objectStore('sessions').add(tuesdaySession);
	});

	await expect(writeBoth).rejects.toMatchObject({ name: 'ConstraintError' });
	expect(await listSessions(db)).toEqual([tuesdaySession]);
	expect(await loadActiveRoutine(db, 1)).toEqual(inProgress);
});

test("a check-in is refused with another session's end", async () => {
	const strayCheckIn = { ...mondayCheckIn, sessionId: tuesdaySession.id };

	await expect(recordSessionEnd(db, mondaySession, strayCheckIn)).rejects.toThrow(
		/belongs to session s-2025-03-04-a/
	);
	expect(await listSessions(db)).toEqual([]);
	expect(await loadActiveRoutine(db, 1)).toEqual(inProgress);
});

test('a write into a transaction that has already ended reports its own error, not the abort’s', async () => {
	const failed = await writeTogether(db, ['sessions'], function* (tx) {
		const sessions = tx.objectStore('sessions');
		// As when the browser ended the transaction before the next write was made.
		tx.abort();
		yield sessions.put(mondaySession);
	}).catch((error: unknown) => error);
	expect((failed as DOMException).name).toBe('TransactionInactiveError');
	expect(await listSessions(db)).toEqual([]);
});

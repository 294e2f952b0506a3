// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
	DB_NAME,
	DB_VERSION,
	onVersionChange,
	openBackcareDB,
	type ConnectionNotice
} from '../../src/lib/storage/db';
import { listSessions } from '../../src/lib/storage/sessions';
import { SESSIONS } from '../fixtures/storage/records';
import { openV1Database } from '../fixtures/storage/v1';

let factory: IDBFactory;
let notices: ConnectionNotice[];
let stopListening: () => void;

beforeEach(() => {
	factory = new IDBFactory();
	notices = [];
	stopListening = onVersionChange((notice) => notices.push(notice));
});

afterEach(() => stopListening());

/** What the next release of the app does when it opens the database. */
function openAsNextRelease(): Promise<{ blocked: boolean; db: IDBDatabase }> {
	return new Promise((resolve, reject) => {
		let blocked = false;
		const request = factory.open(DB_NAME, DB_VERSION + 1);
		request.addEventListener('blocked', () => (blocked = true));
		request.addEventListener('success', () => resolve({ blocked, db: request.result }));
		request.addEventListener('error', () => reject(request.error));
	});
}

test('an upgrade in another tab closes this one and asks it to reload', async () => {
	const thisTab = await openBackcareDB(factory);

	const otherTab = await openAsNextRelease();

	expect(otherTab.blocked).toBe(false);
	expect(otherTab.db.version).toBe(DB_VERSION + 1);
	expect(notices).toEqual([{ kind: 'closed-for-upgrade', newVersion: DB_VERSION + 1 }]);
	expect(() => thisTab.transaction('sessions')).toThrow(
		expect.objectContaining({ name: 'InvalidStateError' })
	);
	otherTab.db.close();
});

test('an upgrade waits for a tab still on version 1, says so, and finishes once it closes', async () => {
	const oldTab = await openV1Database(factory);
	let stopWaiting = () => {};
	const heardBlocked = new Promise<void>((resolve) => {
		stopWaiting = onVersionChange((notice) => {
			if (notice.kind === 'upgrade-blocked') resolve();
		});
	});

	const opening = openBackcareDB(factory);
	await heardBlocked;
	stopWaiting();
	expect(notices).toEqual([{ kind: 'upgrade-blocked', storedVersion: 1 }]);
	oldTab.close();
	const db = await opening;

	expect(db.version).toBe(DB_VERSION);
	expect(await listSessions(db)).toHaveLength(SESSIONS.length);
	db.close();
});

test('a connection the browser ends is reported, one the app closes is not', async () => {
	const ended = await openBackcareDB(factory);
	const closed = await openBackcareDB(factory);

	closed.close();
	expect(notices).toEqual([]);
	forceCloseDatabase(unwrap(ended) as never);

	expect(notices).toEqual([{ kind: 'terminated' }]);
});

test('a listener that stopped listening hears nothing more', async () => {
	const db = await openBackcareDB(factory);
	stopListening();

	const otherTab = await openAsNextRelease();

	expect(notices).toEqual([]);
	expect(() => db.transaction('sessions')).toThrow();
	otherTab.db.close();
});

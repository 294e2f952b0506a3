import { describe, expect, test } from 'vitest';
import {
	requestPersistence,
	storageStatus,
	type StoragePort
} from '../../src/lib/platform/persistence';

/** A browser's StorageManager that grants persistence when asked, or not. */
function fakeStorage(options: { kept?: boolean; grants: boolean; usage?: number }) {
	let kept = options.kept ?? false;
	let asked = 0;
	const storage: StoragePort = {
		persisted: async () => kept,
		persist: async () => {
			asked += 1;
			kept = options.grants;
			return kept;
		},
		estimate: async () => ({ usage: options.usage ?? 0, quota: 1_000_000_000 })
	};
	return { storage, asked: () => asked };
}

describe('asking to keep the storage', () => {
	test('a browser that grants it makes the storage persistent', async () => {
		const browser = fakeStorage({ grants: true });

		expect(await requestPersistence(browser.storage)).toBe('persistent');
		expect(browser.asked()).toBe(1);
	});

	test('a browser that refuses leaves it best-effort', async () => {
		const browser = fakeStorage({ grants: false });

		expect(await requestPersistence(browser.storage)).toBe('best-effort');
	});

	test('storage already kept is not asked for again', async () => {
		const browser = fakeStorage({ kept: true, grants: true });

		expect(await requestPersistence(browser.storage)).toBe('persistent');
		expect(browser.asked()).toBe(0);
	});

	test('a browser without the Storage API says it cannot', async () => {
		expect(await requestPersistence(undefined)).toBe('unsupported');
		expect(await requestPersistence({})).toBe('unsupported');
	});

	test('a browser that throws when asked keeps its answer from before', async () => {
		const throwing: StoragePort = {
			persisted: async () => false,
			persist: () => Promise.reject(new Error('denied'))
		};

		expect(await requestPersistence(throwing)).toBe('best-effort');
	});
});

describe('what the settings page shows', () => {
	test('whether storage is kept and how much it uses', async () => {
		const browser = fakeStorage({ kept: true, grants: true, usage: 123_456 });

		expect(await storageStatus(browser.storage)).toEqual({
			persistence: 'persistent',
			usage: 123_456,
			quota: 1_000_000_000
		});
	});

	test('without an estimate it still says whether storage is kept', async () => {
		expect(await storageStatus({ persisted: async () => false })).toEqual({
			persistence: 'best-effort'
		});
		expect(await storageStatus(undefined)).toEqual({ persistence: 'unsupported' });
	});
});

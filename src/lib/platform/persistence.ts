/**
 * Whether the browser keeps the app's storage when the device runs low on space, and how much
 * it holds. Behind a small interface so tests pass a fake and the browser passes
 * navigator.storage.
 */

/** The part of the browser's StorageManager the app uses; any of it may be missing. */
export interface StoragePort {
	persisted?(): Promise<boolean>;
	persist?(): Promise<boolean>;
	estimate?(): Promise<StorageEstimate>;
}

import type { Persistence } from '$lib/core/records/data-safety';

/**
 * persistent: the browser keeps the data until the person clears it.
 * best-effort: the browser may clear it under storage pressure.
 * unsupported: this browser cannot say.
 */
export type { Persistence };

export interface StorageStatus {
	persistence: Persistence;
	/** Bytes the app's origin uses, and may use, when the browser says. */
	usage?: number;
	quota?: number;
}

function browserStorage(): StoragePort | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

async function currentPersistence(storage: StoragePort | undefined): Promise<Persistence> {
	if (!storage?.persisted) return 'unsupported';
	try {
		return (await storage.persisted()) ? 'persistent' : 'best-effort';
	} catch {
		return 'unsupported';
	}
}

/**
 * Asks the browser to keep the app's storage. Chromium decides by itself without a prompt;
 * Firefox asks the person. Asking again once it is kept changes nothing.
 */
export async function requestPersistence(
	storage: StoragePort | undefined = browserStorage()
): Promise<Persistence> {
	const now = await currentPersistence(storage);
	if (now === 'persistent' || !storage?.persist) return now;
	try {
		return (await storage.persist()) ? 'persistent' : 'best-effort';
	} catch {
		return now;
	}
}

/** Whether storage is kept, and how much is used of how much, for the settings page. */
export async function storageStatus(
	storage: StoragePort | undefined = browserStorage()
): Promise<StorageStatus> {
	const persistence = await currentPersistence(storage);
	try {
		const estimate = await storage?.estimate?.();
		return {
			persistence,
			...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}),
			...(estimate?.quota !== undefined ? { quota: estimate.quota } : {})
		};
	} catch {
		return { persistence };
	}
}

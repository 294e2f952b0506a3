import type { IDBPTransaction, StoreNames } from 'idb';
import type { BackcareDB, BackcareSchema } from './db';

/**
 * Writes that belong together, in one readwrite transaction: all of them land or none does.
 *
 * `writes` yields each request as it makes it. A request that fails later aborts the transaction
 * by itself; one that throws at once (a value that cannot be cloned, a missing key) would
 * otherwise leave the earlier requests to commit, so the transaction is aborted here. Yielding
 * keeps hold of every earlier request, so none of them rejects unheard.
 * Nothing but these requests may be awaited in between: the transaction commits on its own as
 * soon as it has nothing left to do.
 */
export async function writeTogether<Stores extends StoreNames<BackcareSchema>[]>(
	db: BackcareDB,
	stores: Stores,
	writes: (tx: IDBPTransaction<BackcareSchema, Stores, 'readwrite'>) => Iterable<Promise<unknown>>
): Promise<void> {
	const tx = db.transaction(stores, 'readwrite');
	const requests: Promise<unknown>[] = [];
	try {
		for (const request of writes(tx)) requests.push(request);
	} catch (error) {
		abortQuietly(tx);
		await Promise.allSettled([...requests, tx.done]);
		throw error;
	}
	await Promise.all([...requests, tx.done]);
}

/**
 * Aborts a transaction that may already have ended (aborted by the browser, or finished): that
 * abort() throws InvalidStateError, which would hide the error that made us abort.
 */
export function abortQuietly(tx: { abort(): void }): void {
	try {
		tx.abort();
	} catch {
		// Already over: nothing of it will commit that had not.
	}
}

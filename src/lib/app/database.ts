import { openBackcareDB, type BackcareDB } from '$lib/storage/db';

let connection: Promise<BackcareDB> | undefined;

/** The one connection to the app's database, opened on first use (in the browser only). */
export function database(): Promise<BackcareDB> {
	connection ??= openBackcareDB().catch((error: unknown) => {
		connection = undefined;
		throw error;
	});
	return connection;
}

/**
 * Registers the service worker (src/service-worker.ts) through workbox-window, loaded only when
 * needed. A new version installs in the background and waits; it takes over only through
 * `applyUpdate`, which the person triggers by tapping "Update ready - reload".
 */
export interface AppUpdater {
	/** Asks the waiting version to take over, then reloads the page once it controls it. */
	applyUpdate(): void;
	/** Asks the browser to look for a new version now; false when the server could not be reached. */
	checkForUpdate(): Promise<boolean>;
}

export interface ServiceWorkerEvents {
	/** A new version is installed and waiting for the person to choose to reload. */
	onUpdateWaiting(): void;
}

export const SERVICE_WORKER_URL = '/service-worker.js';

/**
 * Registers the service worker without workbox-window, for the player: the app is kept for
 * offline use from the first visit, whatever page it was, and no update is ever offered there.
 */
export function keepOffline(): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => {
		// No service worker (a private window, storage switched off): the app works online as before.
	});
}

export async function registerServiceWorker(
	events: ServiceWorkerEvents
): Promise<AppUpdater | undefined> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return undefined;
	const { Workbox } = await import('workbox-window');
	const workbox = new Workbox(SERVICE_WORKER_URL, { scope: '/' });
	let updateAccepted = false;

	// Also sent for a version found by a later update check ("external" in workbox's words): any
	// version waiting behind the one in charge is an update for the person to accept.
	workbox.addEventListener('waiting', () => events.onUpdateWaiting());
	workbox.addEventListener('controlling', () => {
		// The first install also takes control of the page; only a tapped update reloads it.
		if (updateAccepted) location.reload();
	});

	try {
		await workbox.register();
	} catch {
		// No service worker (a private window, storage switched off): the app works online as before.
		return undefined;
	}

	return {
		applyUpdate() {
			updateAccepted = true;
			workbox.messageSkipWaiting();
		},
		checkForUpdate: async () => {
			try {
				await workbox.update();
				return true;
			} catch {
				// Offline, or the server is unreachable: the next check will try again.
				return false;
			}
		}
	};
}

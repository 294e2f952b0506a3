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
 * Registers the service worker, the same way on every page (the player included). On a first visit
 * no version controls the page yet, so there is no update to wait for: a plain registration keeps
 * the app for offline use and workbox-window is not fetched at all. Once a version is in charge,
 * workbox-window (loaded here, after the page has loaded) watches for a newer one waiting; one that
 * arrived while the first visit was open is found by it on the next page load.
 */
export async function registerServiceWorker(
	events: ServiceWorkerEvents
): Promise<AppUpdater | undefined> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return undefined;
	if (!navigator.serviceWorker.controller) return firstRegistration();
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

/** The first visit's registration: the browser's own, with its update check for the offline note. */
async function firstRegistration(): Promise<AppUpdater | undefined> {
	let registration: ServiceWorkerRegistration;
	try {
		registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
	} catch {
		// No service worker (a private window, storage switched off): the app works online as before.
		return undefined;
	}
	return {
		// Never called: without a version in charge nothing is offered as an update.
		applyUpdate() {},
		checkForUpdate: async () => {
			try {
				await registration.update();
				return true;
			} catch {
				return false;
			}
		}
	};
}

import { registerServiceWorker, type AppUpdater } from '$lib/platform/service-worker';
import { systemClock } from '$lib/platform/clock';
import { connectivity } from './connectivity.svelte';

/** How often a long-open app looks for a new version when it comes back to the screen. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The app's own updates. A new version waits; it is offered on the Today page when no routine is
 * in progress, and it takes over only when the person taps "Update ready - reload".
 */
class AppUpdate {
	/** A new version is installed and waiting. */
	waiting = $state(false);
	/** The person accepted the update; the page reloads as soon as the new version is in charge. */
	reloading = $state(false);

	#updater: AppUpdater | undefined;
	#started = false;
	#lastCheck = 0;

	/** Registers the service worker once, from the layout, after the page has loaded. */
	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		const register = async () => {
			this.#updater = await registerServiceWorker({
				onUpdateWaiting: () => (this.waiting = true)
			});
			this.#lastCheck = systemClock.now();
			// A page served by the service worker says nothing about the network: look for the
			// server once, so a phone on a network with no internet shows the offline note too.
			if (navigator.serviceWorker?.controller) void connectivity.check();
		};
		connectivity.start(async () => (this.#updater ? this.#updater.checkForUpdate() : true));
		if (document.readyState === 'complete') void register();
		else window.addEventListener('load', () => void register(), { once: true });
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState !== 'visible' || !this.#updater) return;
			if (systemClock.now() - this.#lastCheck < CHECK_EVERY_MS) return;
			this.#lastCheck = systemClock.now();
			void connectivity.check();
		});
	}

	/** From the person's tap only: never behind their back. */
	reload(): void {
		if (!this.waiting || !this.#updater || this.reloading) return;
		this.reloading = true;
		this.#updater.applyUpdate();
	}
}

export const appUpdate = new AppUpdate();

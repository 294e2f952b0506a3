import {
	nextConnectivity,
	showsOfflineNote,
	startConnectivity,
	type ConnectivityEvent
} from '$lib/core/network/connectivity';

/** How often a failed look for the server is tried again while the offline note shows. */
const RETRY_EVERY_MS = 30_000;

/**
 * The app's view of the network, for the offline note: the browser's `online` and `offline` events
 * plus whether the last look for a new version reached the server (see core/network/connectivity.ts).
 */
class AppConnectivity {
	#state = $state(startConnectivity(true));
	readonly offline = $derived(showsOfflineNote(this.#state));

	#reach: (() => Promise<boolean>) | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#started = false;

	/**
	 * Listens to the browser from now on. `reach` looks for the server (the service worker's update
	 * check) and says whether it answered; it is tried again when the browser reports a network.
	 */
	start(reach: () => Promise<boolean>): void {
		this.#reach = reach;
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		this.#apply({ type: navigator.onLine ? 'browser-online' : 'browser-offline' });
		window.addEventListener('offline', () => this.#apply({ type: 'browser-offline' }));
		window.addEventListener('online', () => {
			this.#apply({ type: 'browser-online' });
			void this.check();
		});
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible' && this.#state.lastReach === 'failed') {
				void this.check();
			}
		});
	}

	/** Looks for the server once and notes the answer; a failure is tried again a little later. */
	async check(): Promise<void> {
		if (!this.#reach) return;
		clearTimeout(this.#retry);
		const reached = await this.#reach();
		this.#apply({ type: 'reach', reached });
		if (!reached) this.#retry = setTimeout(() => void this.check(), RETRY_EVERY_MS);
	}

	#apply(event: ConnectivityEvent): void {
		this.#state = nextConnectivity(this.#state, event);
	}
}

export const connectivity = new AppConnectivity();

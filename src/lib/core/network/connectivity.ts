/**
 * Whether the app says it is offline. Two kinds of evidence count:
 * - the browser's own word (`offline` and `online` events, `navigator.onLine` at start), and
 * - whether the app's last look for a new version reached the server.
 *
 * The second matters on a real phone: connected to a Wi-Fi with no internet behind it, or in a
 * basement with one bar, the browser reports `onLine === true` while nothing gets through. A look
 * for an update that fails is then the only honest sign. An `online` event alone does not clear
 * that failure; the next successful look does.
 */
export interface Connectivity {
	/** The browser says it has no network at all. */
	browserOffline: boolean;
	/** The last look for the server: not tried yet, answered, or failed. */
	lastReach: 'untried' | 'reached' | 'failed';
}

export type ConnectivityEvent =
	{ type: 'browser-offline' } | { type: 'browser-online' } | { type: 'reach'; reached: boolean };

export function startConnectivity(browserOnline: boolean): Connectivity {
	return { browserOffline: !browserOnline, lastReach: 'untried' };
}

export function nextConnectivity(state: Connectivity, event: ConnectivityEvent): Connectivity {
	switch (event.type) {
		case 'browser-offline':
			return { ...state, browserOffline: true };
		case 'browser-online':
			return { ...state, browserOffline: false };
		case 'reach':
			return { ...state, lastReach: event.reached ? 'reached' : 'failed' };
	}
}

export function showsOfflineNote(state: Connectivity): boolean {
	return state.browserOffline || state.lastReach === 'failed';
}

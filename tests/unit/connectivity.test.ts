import { describe, expect, test } from 'vitest';
import {
	nextConnectivity,
	showsOfflineNote,
	startConnectivity,
	type ConnectivityEvent
} from '../../src/lib/core/network/connectivity';

function after(browserOnline: boolean, ...events: ConnectivityEvent[]) {
	return events.reduce(nextConnectivity, startConnectivity(browserOnline));
}

describe('the offline note', () => {
	test('is not shown when the browser is online and nothing has been tried yet', () => {
		expect(showsOfflineNote(after(true))).toBe(false);
	});

	test('is shown when the browser starts with no network', () => {
		expect(showsOfflineNote(after(false))).toBe(true);
	});

	test('is shown when the signal goes, and hidden when it comes back and the server answers', () => {
		const gone = after(true, { type: 'browser-offline' });
		expect(showsOfflineNote(gone)).toBe(true);
		const back = nextConnectivity(nextConnectivity(gone, { type: 'browser-online' }), {
			type: 'reach',
			reached: true
		});
		expect(showsOfflineNote(back)).toBe(false);
	});

	test('is shown on a network with no internet: the browser says online but the server cannot be reached', () => {
		expect(showsOfflineNote(after(true, { type: 'reach', reached: false }))).toBe(true);
	});

	test('stays while the browser claims to be online again until the server really answers', () => {
		const stillCut = after(
			true,
			{ type: 'reach', reached: false },
			{ type: 'browser-offline' },
			{ type: 'browser-online' }
		);
		expect(showsOfflineNote(stillCut)).toBe(true);
		expect(showsOfflineNote(nextConnectivity(stillCut, { type: 'reach', reached: true }))).toBe(
			false
		);
	});

	test('a server that answers does not hide the browser saying it has no network', () => {
		expect(
			showsOfflineNote(after(true, { type: 'browser-offline' }, { type: 'reach', reached: true }))
		).toBe(true);
	});
});

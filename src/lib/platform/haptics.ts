import { touchedYet } from './user-activation';

export interface Haptics {
	pulse(pattern: number | number[]): void;
}

export const noHaptics: Haptics = { pulse() {} };

export function deviceHaptics(): Haptics {
	if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return noHaptics;
	return {
		pulse(pattern) {
			// Before the first tap the browser refuses, and logs an intervention error for it.
			if (!touchedYet()) return;
			try {
				navigator.vibrate(pattern);
			} catch {
				// Vibration refused (no user gesture yet, or switched off by the system).
			}
		}
	};
}

export interface Haptics {
	pulse(pattern: number | number[]): void;
}

export const noHaptics: Haptics = { pulse() {} };

export function deviceHaptics(): Haptics {
	if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return noHaptics;
	return {
		pulse(pattern) {
			try {
				navigator.vibrate(pattern);
			} catch {
				// Vibration refused (no user gesture yet, or switched off by the system).
			}
		}
	};
}

/** Keeps the screen on during a routine, and takes the lock again when the page comes back. */
export type WakeLockStatus = 'held' | 'refused' | 'unsupported' | 'released';

export interface ScreenWakeLock {
	acquire(): Promise<WakeLockStatus>;
	release(): void;
}

export const noWakeLock: ScreenWakeLock = {
	acquire: async () => 'unsupported',
	release() {}
};

export function screenWakeLock(
	onChange: (status: WakeLockStatus) => void = () => {}
): ScreenWakeLock {
	if (typeof navigator === 'undefined' || !('wakeLock' in navigator)) return noWakeLock;
	let sentinel: WakeLockSentinel | undefined;
	let wanted = false;

	async function acquire(): Promise<WakeLockStatus> {
		wanted = true;
		if (sentinel && !sentinel.released) return 'held';
		try {
			sentinel = await navigator.wakeLock.request('screen');
			sentinel.addEventListener('release', () => {
				if (!wanted) onChange('released');
			});
			onChange('held');
			return 'held';
		} catch {
			onChange('refused');
			return 'refused';
		}
	}

	// The browser drops the lock whenever the page is hidden; take it again on return.
	document.addEventListener('visibilitychange', () => {
		if (wanted && document.visibilityState === 'visible') void acquire();
	});

	return {
		acquire,
		release() {
			wanted = false;
			void sentinel?.release().catch(() => {});
			sentinel = undefined;
		}
	};
}

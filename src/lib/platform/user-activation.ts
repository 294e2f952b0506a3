/**
 * Whether the person has touched the page yet (sticky user activation). Browsers refuse sound,
 * speech and vibration before that, and say so in the console; true where the browser cannot tell.
 */
export function touchedYet(): boolean {
	return typeof navigator === 'undefined' || (navigator.userActivation?.hasBeenActive ?? true);
}

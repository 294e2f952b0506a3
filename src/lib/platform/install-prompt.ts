/**
 * The browser's offer to install the app (`beforeinstallprompt`, Chromium browsers). The browser's
 * own banner is held back so the app can offer it calmly, as a button, when the person wants it.
 */
export interface InstallPrompt {
	/** Shows the browser's install dialog; from a tap only. */
	show(): Promise<'accepted' | 'dismissed'>;
}

/** Not in the DOM typings: https://developer.mozilla.org/docs/Web/API/BeforeInstallPromptEvent */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Calls `onChange` with a prompt when the browser offers to install, and with none once used. */
export function watchInstallPrompt(
	onChange: (prompt: InstallPrompt | undefined) => void
): () => void {
	if (typeof window === 'undefined') return () => {};
	const offered = (event: Event) => {
		event.preventDefault();
		const browserEvent = event as BeforeInstallPromptEvent;
		let used = false;
		onChange({
			async show() {
				if (used) return 'dismissed';
				used = true;
				onChange(undefined);
				await browserEvent.prompt();
				return (await browserEvent.userChoice).outcome;
			}
		});
	};
	const installed = () => onChange(undefined);
	window.addEventListener('beforeinstallprompt', offered);
	window.addEventListener('appinstalled', installed);
	return () => {
		window.removeEventListener('beforeinstallprompt', offered);
		window.removeEventListener('appinstalled', installed);
	};
}

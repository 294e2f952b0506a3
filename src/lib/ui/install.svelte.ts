import { watchInstallPrompt, type InstallPrompt } from '$lib/platform/install-prompt';

/**
 * Whether the browser offers to install the app. Listened to from the layout as soon as the app
 * starts, because the browser may make its offer before the Today page is shown.
 */
class AppInstall {
	/** The browser offers to install the app; the Today page shows an "Install app" button. */
	available = $state(false);

	#prompt: InstallPrompt | undefined;
	#started = false;

	start(): void {
		if (this.#started) return;
		this.#started = true;
		watchInstallPrompt((prompt) => {
			this.#prompt = prompt;
			this.available = prompt !== undefined;
		});
	}

	/** From the person's tap: the browser's own install dialog. */
	async install(): Promise<void> {
		await this.#prompt?.show();
	}
}

export const appInstall = new AppInstall();

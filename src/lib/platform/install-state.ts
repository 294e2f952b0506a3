/** What the browser says about how the app is running, for the data-safety advice. */
export interface InstallState {
	installed: boolean;
	/** Safari (macOS and iOS) clears a site's storage after 7 days without use unless installed. */
	clearsUnusedSites: boolean;
}

export function installState(): InstallState {
	if (typeof window === 'undefined') return { installed: false, clearsUnusedSites: false };
	const standalone =
		matchMedia('(display-mode: standalone)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	const agent = navigator.userAgent;
	const safari =
		/Safari\//.test(agent) && !/Chrome|Chromium|CriOS|FxiOS|EdgiOS|Android/.test(agent);
	return { installed: standalone, clearsUnusedSites: safari };
}

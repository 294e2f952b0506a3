import { expect, test, type APIRequestContext } from '@playwright/test';
import { untilAppStarted, untilServiceWorkerControls } from './support/app';
import { expectNoViolations } from './support/axe';

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function fetchIcon(request: APIRequestContext, src: string) {
	const response = await request.get(src);
	expect(response.status(), src).toBe(200);
	return response;
}

test('the app is installable: manifest, icons and a service worker in charge', async ({
	page,
	request
}) => {
	await page.goto('/');
	await untilServiceWorkerControls(page);

	// The page points at the manifest, the home-screen icon for iOS, and theme colours.
	const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(manifestHref).toBe('/manifest.webmanifest');
	const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	expect(pngSize(await (await fetchIcon(request, appleIcon!)).body())).toEqual({
		width: 180,
		height: 180
	});
	await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);

	const response = await request.get(manifestHref!);
	expect(response.headers()['content-type']).toMatch(/json/);
	const manifest = (await response.json()) as {
		name: string;
		short_name: string;
		description: string;
		start_url: string;
		scope: string;
		display: string;
		theme_color: string;
		background_color: string;
		icons: ManifestIcon[];
	};
	expect(manifest).toMatchObject({
		name: expect.stringContaining('Back care'),
		short_name: 'Back care',
		description: expect.any(String),
		start_url: '/',
		scope: '/',
		display: 'standalone',
		theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
		background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i)
	});

	// 192 and 512 pixels, each for any use and as a maskable icon; every one reachable.
	for (const purpose of ['any', 'maskable']) {
		for (const size of [192, 512]) {
			const icon = manifest.icons.find(
				(i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').split(' ').includes(purpose)
			);
			expect(icon, `${purpose} ${size}`).toBeDefined();
			const bytes = await (await fetchIcon(request, icon!.src)).body();
			expect(pngSize(bytes), icon!.src).toEqual({ width: size, height: size });
		}
	}
	for (const icon of manifest.icons) await fetchIcon(request, icon.src);

	// Chromium's own verdict: the manifest parses cleanly and nothing stands in the way.
	const cdp = await page.context().newCDPSession(page);
	const parsed = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
	expect(parsed.errors).toEqual([]);
	const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
		installabilityErrors: { errorId: string }[];
	};
	// A Playwright context is an incognito profile, where Chromium never installs anything.
	const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
	expect(errors).toEqual([]);
});

test('Today offers "Install app" when the browser offers to install, and asks the browser once', async ({
	page
}) => {
	await page.goto('/');
	await untilAppStarted(page);
	const install = page.getByRole('button', { name: 'Install app' });
	await expect(install).toHaveCount(0);

	// What Chromium sends when the app may be installed (a test browser never sends it itself).
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt(): Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		const prompts: number[] = [];
		(window as { prompts?: number[] }).prompts = prompts;
		event.prompt = async () => void prompts.push(1);
		event.userChoice = Promise.resolve({ outcome: 'accepted' });
		window.dispatchEvent(event);
	});
	await expect(install).toBeVisible();
	await expectNoViolations(page, 'Today with the install offer');

	await install.click();
	await expect(install).toHaveCount(0);
	expect(await page.evaluate(() => (window as { prompts?: number[] }).prompts)).toEqual([1]);
});

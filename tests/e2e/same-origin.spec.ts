import { expect, test } from '@playwright/test';
import { appPages } from './support/app-pages';
import {
	mainHeading,
	playWholeRoutine,
	saveCheckIn,
	untilServiceWorkerControls
} from './support/app';

declare global {
	interface Window {
		cspViolations?: string[];
	}
}

test('a visit to every page and a whole routine asks no other origin for anything, and the CSP holds', async ({
	context,
	page,
	baseURL
}) => {
	// Every page and a whole routine, which now has time to change position and to read.
	test.setTimeout(120_000);
	const origin = new URL(baseURL!).origin;
	const elsewhere: string[] = [];
	// Every request of every page and worker in the context, data: and blob: included.
	context.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin + '/')) elsewhere.push(`${request.resourceType()} ${url}`);
	});
	const consoleErrors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => consoleErrors.push(error.message));
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
			(window.cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
		});
	});
	await context.clock.install();

	for (const path of appPages().filter((p) => p !== '/play')) {
		await page.goto(path);
		await expect(mainHeading(page), path).toBeVisible();
		// The policy is in every page, before anything it governs.
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, path).toContain("default-src 'self'");
		expect(policy, path).toContain("connect-src 'self'");
		expect(policy, path).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		// The page's own stylesheet rides inline, allowed by its hash only: never 'unsafe-inline'.
		expect(policy, path).toMatch(/style-src 'self'( 'sha256-[^']+')*;/);
		expect(policy, path).not.toContain('unsafe-inline');
		expect(await page.evaluate(() => window.cspViolations ?? []), path).toEqual([]);
	}
	await untilServiceWorkerControls(page);

	await page.goto('/');
	await page.getByRole('button', { name: /^start routine/i }).click();
	// SvelteKit's route announcer, allowed by the hash of its style attribute, stays hidden.
	await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');
	await playWholeRoutine(page);
	await saveCheckIn(page, 2);
	await expect(mainHeading(page)).toBeVisible();
	expect(await page.evaluate(() => window.cspViolations ?? [])).toEqual([]);

	expect(elsewhere).toEqual([]);
	expect(consoleErrors).toEqual([]);
});

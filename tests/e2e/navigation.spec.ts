import { expect, test, type Page } from '@playwright/test';
import { appPages } from './support/app-pages';
import { mainHeading, open, startRoutine } from './support/app';

/** Every destination, reachable with a thumb on a 360 × 740 phone, from every page. */

const DESTINATIONS = [
	{ name: 'Today', path: '/' },
	{ name: 'Exercises', path: '/exercises' },
	{ name: 'Ice & heat', path: '/ice-heat' },
	{ name: 'History', path: '/history' },
	{ name: 'Report', path: '/report' },
	{ name: 'Settings', path: '/settings' }
];

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The page scrolls sideways when its content is wider than the screen. */
function scrollsSideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
	return page.evaluate(() => ({
		scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
		innerWidth: window.innerWidth
	}));
}

test('on every page every destination is on screen at once, big enough for a thumb, and the page never scrolls sideways', async ({
	page
}) => {
	const pages = appPages().filter((path) => path !== '/play');
	expect(pages).toEqual(expect.arrayContaining(DESTINATIONS.map((d) => d.path)));
	for (const path of pages) {
		await open(page, path);
		await expect(mainHeading(page), path).toBeVisible();
		// Each link whole on screen, at least 48 px each way, and nothing over its middle: a tap
		// lands on it. One look at the page, so fifteen pages stay quick on a slow machine.
		const links = await navigation(page)
			.getByRole('link')
			.evaluateAll((elements) =>
				elements.map((link) => {
					const box = link.getBoundingClientRect();
					const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
					return {
						name: link.textContent?.trim() ?? '',
						onScreen:
							box.left >= 0 &&
							box.top >= 0 &&
							box.right <= window.innerWidth &&
							box.bottom <= window.innerHeight,
						bigEnough: box.width >= 48 && box.height >= 48,
						tappable: hit !== null && link.contains(hit)
					};
				})
			);
		expect(links, path).toEqual(
			DESTINATIONS.map(({ name }) => ({ name, onScreen: true, bigEnough: true, tappable: true }))
		);
		// Scrolled to the very end, the bar still sits on the bottom and covers no content.
		await page.evaluate(() => window.scrollTo(0, document.scrollingElement?.scrollHeight ?? 0));
		await expect(navigation(page).getByRole('link', { name: 'Today' })).toBeInViewport();
		const { scrollWidth, innerWidth } = await scrollsSideways(page);
		expect(scrollWidth, `${path} is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth);
	}
});

test('the bar sits along the bottom of a phone, and marks the current page for eyes and screen readers', async ({
	page
}) => {
	await open(page, '/');
	const bar = await navigation(page).boundingBox();
	const viewport = page.viewportSize()!;
	expect(bar && Math.round(bar.y + bar.height)).toBe(viewport.height);

	for (const { name, path } of DESTINATIONS) {
		await navigation(page).getByRole('link', { name, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}$`));
		await expect(mainHeading(page)).toBeVisible();
		const current = navigation(page).locator('[aria-current="page"]');
		await expect(current).toHaveCount(1);
		await expect(current).toHaveAccessibleName(name);
		const { scrollWidth, innerWidth } = await scrollsSideways(page);
		expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
	}

	// An exercise's own page belongs to Exercises.
	await open(page, '/exercises/plank');
	await expect(navigation(page).locator('[aria-current="page"]')).toHaveAccessibleName('Exercises');
});

test('on a wide screen the bar sits along the top', async ({ page }) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await open(page, '/history');
	const bar = await navigation(page).boundingBox();
	expect(bar?.y).toBe(0);
	await expect(navigation(page).getByRole('link', { name: 'Settings' })).toBeInViewport();
});

test('the player fills the screen with no navigation', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-03-02T08:00:00') });
	await startRoutine(page);
	await expect(navigation(page)).toHaveCount(0);
});

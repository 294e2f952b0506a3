import { test } from '@playwright/test';
test('explore', async ({ page }) => {
	page.on('pageerror', (e) => console.log('pageerror:', e.message));
	await page.clock.install({ time: new Date('2026-03-02T08:00:00') });
	await page.goto('/');
	await page.getByRole('button', { name: /^Start routine/ }).click();
	for (let i = 0; i < 8; i++) {
		await page.clock.runFor(2000);
		console.log(i, await page.getByRole('timer').textContent(), await page.locator('h1').textContent());
	}
});

import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { open } from '../e2e/support/app';

/**
 * docs/figures.png: every exercise and warm-up movement as the running app draws it on a phone
 * (360 × 740), each in one row: start → today's end at the starting dose, start → end at the full
 * range, and the moving figure over the ghost of today's target.
 *   npm run build && npx playwright test -c playwright.docs.config.ts tests/docs/figures.spec.ts
 * FIGURES_UNLABELLED=1 also writes /tmp/figures-unlabelled.png with the rows numbered instead of
 * named, and /tmp/figures-key.txt saying which number is which, for checking that a person who has
 * never seen the app can tell the exercises apart.
 */

const { exercises } = loadRoutesData('routes-data');

interface Row {
	name: string;
	today: Buffer;
	full?: Buffer;
	moving: Buffer;
}

async function pictures(page: Page, path: string, movement?: string) {
	const box = page.locator('.figure-box');
	const choose = async () => {
		if (movement) await page.getByRole('radio', { name: movement }).check();
	};
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await open(page, path);
	await choose();
	await expect(box).toHaveAttribute('data-state', 'still');
	const today = await box.screenshot();
	let full: Buffer | undefined;
	const fullRange = page.getByRole('radio', { name: 'Full range' });
	if ((await fullRange.count()) > 0) {
		await fullRange.check();
		await expect(box).toHaveAttribute('data-range', '1');
		full = await box.screenshot();
	}
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await open(page, path);
	await choose();
	await expect(box).toHaveAttribute('data-state', 'playing');
	// Part of the way into the movement: the figure between its start and the ghost of the target.
	await expect.poll(async () => Number(await box.getAttribute('data-frame'))).toBeGreaterThan(45);
	await page.getByRole('button', { name: 'Pause animation' }).click();
	const moving = await box.screenshot();
	return { today, full, moving };
}

function sheet(rows: Row[], names: string[]): string {
	const img = (png?: Buffer) =>
		png ? `<img src="data:image/png;base64,${png.toString('base64')}">` : '<span>no range</span>';
	return `<!doctype html><html><head><meta charset="utf-8"><style>
		body { margin: 0; padding: 16px; font: 16px system-ui, sans-serif; background: #f6f3ee; color: #1b1d21; width: 1540px; }
		h1 { font-size: 22px; margin: 0 0 4px; } p { margin: 0 0 12px; }
		table { border-collapse: collapse; }
		th { text-align: left; font-size: 15px; padding: 4px 8px; }
		td { padding: 6px 8px; vertical-align: middle; border-top: 1px solid #ddd; }
		td.name { font-weight: 700; font-size: 18px; width: 150px; }
		img { display: block; height: 150px; border-radius: 10px; background: #fff; }
		span { color: #777; }
	</style></head><body>
	<h1>The exercise figures</h1>
	<p>Drawn by the app on a 360 px wide phone. Pairs show the start pose, an arrow, and the end pose.</p>
	<table><tr><th></th><th>Start → today’s end (starting dose)</th><th>Start → end at the full range</th><th>Moving, over the ghost of today’s target</th></tr>
	${rows.map((row, i) => `<tr><td class="name">${names[i]}</td><td>${img(row.today)}</td><td>${img(row.full)}</td><td>${img(row.moving)}</td></tr>`).join('')}
	</table></body></html>`;
}

test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
test.setTimeout(240_000);

test('docs/figures.png: every exercise and warm-up movement', async ({ page, browser }) => {
	const rows: Row[] = [];
	for (const exercise of exercises) {
		const path = `/exercises/${exercise.id}`;
		for (const movement of exercise.movements ?? [undefined]) {
			const shots = await pictures(page, path, movement?.name);
			rows.push({
				name: movement ? `${exercise.name}: ${movement.name}` : exercise.name,
				...shots
			});
		}
	}
	const sheetPage = await browser.newPage({ viewport: { width: 1572, height: 800 } });
	const write = async (file: string, names: string[]) => {
		await sheetPage.setContent(sheet(rows, names));
		await sheetPage.screenshot({ path: file, fullPage: true });
	};
	await write(
		'docs/figures.png',
		rows.map((r) => r.name)
	);
	if (process.env.FIGURES_UNLABELLED) {
		// Rows in a shuffled order, numbered: the order of the names must not give them away.
		const order = rows.map((_, i) => i).sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13));
		const shuffled = order.map((i) => rows[i]!);
		await sheetPage.setContent(
			sheet(
				shuffled,
				shuffled.map((_, i) => `Figure ${i + 1}`)
			)
		);
		await sheetPage.screenshot({ path: '/tmp/figures-unlabelled.png', fullPage: true });
		writeFileSync(
			'/tmp/figures-key.txt',
			shuffled.map((r, i) => `Figure ${i + 1}: ${r.name}`).join('\n') + '\n'
		);
	}
	await sheetPage.close();
});

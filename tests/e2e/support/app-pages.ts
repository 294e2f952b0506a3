import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILD_DIR } from './static-site';

/**
 * Every page of the app, read from the prerendered build: `/`, `/history`, `/exercises/plank`…
 * Tests visit what the build holds, so a page added later is covered without editing them.
 */
export function appPages(): string[] {
	return htmlFiles(BUILD_DIR)
		.map(
			(file) =>
				'/' +
				relative(BUILD_DIR, file)
					.replace(/\\/g, '/')
					.replace(/\.html$/, '')
		)
		.map((path) => (path === '/index' ? '/' : path.replace(/\/index$/, '')))
		.sort();
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_app' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

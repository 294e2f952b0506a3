import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { routesData } from './scripts/routes-data.ts';

/**
 * Fewer, larger files for the browser: each file a page loads costs a phone's network a request
 * (Lighthouse counts every one that starts before the largest paint). The framework is one file;
 * the app's own modules are grouped by the pages that use them, so a page still loads only what
 * it uses. The server build keeps its default chunks. SIZE_SOURCEMAP=1 writes source maps, to see
 * what fills a chunk when a size budget is tight.
 */
function fewerFiles(): Plugin {
	return {
		name: 'backcare:fewer-files',
		enforce: 'post',
		config(config) {
			if (config.build?.ssr) return;
			return {
				build: {
					sourcemap: process.env.SIZE_SOURCEMAP === '1',
					rollupOptions: {
						output: {
							codeSplitting: {
								groups: [
									{
										name: 'framework',
										test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/,
										priority: 2
									},
									{
										name: 'shared',
										test: /[\\/]src[\\/]lib[\\/]|routes-data/,
										entriesAware: true,
										priority: 1
									}
								]
							}
						}
					}
				}
			};
		}
	};
}

export default defineConfig({
	plugins: [routesData(), sveltekit(), fewerFiles()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});

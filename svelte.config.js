import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ fallback: undefined, strict: true }),
		prerender: { entries: ['*'] },
		// Registered by src/lib/platform/service-worker.ts through workbox-window, so that a new
		// version waits for the person instead of taking over mid-routine.
		serviceWorker: { register: false },
	}
};

export default config;

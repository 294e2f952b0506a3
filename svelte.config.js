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
		// Prerendered pages carry the policy in a <meta> tag, with hashes of SvelteKit's inline
		// start-up script. Nothing loads from another origin; no inline styles, no eval.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;

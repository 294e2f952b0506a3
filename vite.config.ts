import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { routesData } from './scripts/routes-data.ts';

export default defineConfig({
	plugins: [routesData(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});

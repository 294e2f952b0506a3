import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it is installed (CI and this workplace); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const launchOptions = existsSync(debianChromium)
	? {
			executablePath: debianChromium,
			args: [
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	: {};

// E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		...devices['Pixel 5'],
		viewport: { width: 360, height: 740 },
		launchOptions,
		trace: 'retain-on-failure'
	},
	projects: [{ name: 'phone', use: { browserName: 'chromium' } }],
	webServer: {
		// The production build, served as a static site; `npm run test:e2e` builds it first.
		command: `npx vite preview --port ${port} --strictPort`,
		url: `http://localhost:${port}`,
		// Never another checkout's server: a port in use is an error, not a silently wrong build.
		reuseExistingServer: false,
		timeout: 60_000
	}
});

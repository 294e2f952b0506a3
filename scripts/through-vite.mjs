import { createServer } from 'vite';

/**
 * Loads one of the project's TypeScript modules through Vite, so that `$lib` and routes-data
 * resolve as they do in the app, hands it to `use`, and closes the server after, however `use`
 * ends. For the scripts run with node (`npm run simulate`, `docs:progression`, `poses`).
 */
export async function throughVite(path, use, logLevel = 'warn') {
	const server = await createServer({
		server: { middlewareMode: true, hmr: false, ws: false },
		appType: 'custom',
		logLevel
	});
	try {
		return await use(await server.ssrLoadModule(path));
	} finally {
		await server.close();
	}
}

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import {
	validateContent,
	type Content,
	type SourceFile
} from '../src/lib/core/content/definitions.ts';

function readJsonFiles(dir: string, root: string): SourceFile[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const path = join(dir, name);
			return { file: relative(root, path) || path, text: readFileSync(path, 'utf8') };
		});
}

/** Reads and validates routes-data; throws a DefinitionError naming file and field on bad content. */
export function loadRoutesData(dir: string, root = process.cwd()): Content {
	return validateContent(
		readJsonFiles(join(dir, 'exercises'), root),
		readJsonFiles(join(dir, 'routines'), root)
	);
}

const VIRTUAL_ID = 'virtual:routes-data';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Serves the validated content as `virtual:routes-data`. A bad file stops `vite build` (and the dev
 * server's page) with the validator's message. ROUTES_DATA_DIR points it at another folder.
 */
export function routesData(dir = process.env.ROUTES_DATA_DIR ?? 'routes-data'): Plugin {
	return {
		name: 'routes-data',
		buildStart() {
			// Unit tests validate content in their own test; a content error must not hide them all.
			if (process.env.VITEST) return;
			loadRoutesData(dir);
			this.addWatchFile?.(dir);
		},
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			const content = loadRoutesData(dir);
			return `export default ${JSON.stringify(content)};`;
		},
		configureServer(server) {
			server.watcher.add(dir);
			server.watcher.on('change', (path) => {
				if (!path.includes(dir)) return;
				const module = server.moduleGraph.getModuleById(RESOLVED_ID);
				if (module) server.moduleGraph.invalidateModule(module);
				server.ws.send({ type: 'full-reload' });
			});
		}
	};
}

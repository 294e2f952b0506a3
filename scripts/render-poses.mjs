// `npm run poses`: draws every exercise's start and end pose to PNGs in /tmp/poses (see
// scripts/render-poses.ts).
import { throughVite } from './through-vite.mjs';

await throughVite('/scripts/render-poses.ts', (poses) => poses.run());

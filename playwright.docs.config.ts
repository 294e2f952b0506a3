import base from './playwright.config';
import { defineConfig } from '@playwright/test';

/** `npm run docs:screenshots`: the pictures in README and docs/, taken from the real app. */
export default defineConfig({ ...base, testDir: 'tests/docs' });

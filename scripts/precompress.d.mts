// Types of precompress.mjs for electron.config.ts and the tests.
import type { Plugin } from 'vite';
export function precompressDir(dir: string): number;
export function precompress(): Plugin;

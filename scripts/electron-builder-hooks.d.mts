// Types of electron-builder-hooks.mjs for the TypeScript tests that import it.
export function keepNodeBuild(appDir: string): () => void;
export function beforeBuild(context: { appDir: string }): Promise<boolean>;

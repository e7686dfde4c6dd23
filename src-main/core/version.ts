declare const __APP_VERSION__: string | undefined;
/** Injected by the build (electron.config.ts); the tests run from source and see "dev". */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

// Packaging config (electron-builder.yml) and its hook, checked without packaging (that needs downloads).
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { resolveFunction } from 'app-builder-lib/out/util/resolve';
import { DebugLogger } from 'builder-util';
import { afterEach, describe, expect, it } from 'vitest';
import { beforeBuild, keepNodeBuild } from '../../scripts/electron-builder-hooks.mjs';
import { tempDir } from '../helpers/workspace';

const REPO = path.resolve(__dirname, '..', '..');
const NODE_ADDON = path.join(REPO, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const ADDON = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function appWith(addon: Buffer | string): string {
  const dir = tempDir('boucle-dist-');
  dirs.push(dir);
  fs.mkdirSync(path.dirname(path.join(dir, ADDON)), { recursive: true });
  fs.writeFileSync(path.join(dir, ADDON), addon);
  return dir;
}

describe('electron-builder.yml', () => {
  it("is valid for electron-builder and packages what the app needs, Electron's better-sqlite3 unpacked", async () => {
    const config = await getConfig(REPO, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({ appId: 'app.boucle.desktop', productName: 'Boucle', npmRebuild: true });
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/build/Release/*.node']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    const hook = await resolveFunction(undefined, config.beforeBuild, 'beforeBuild', REPO);
    // electron-builder loads the file itself (vitest's copy is a different instance): same export.
    expect(typeof hook).toBe('function');
    expect((hook as { name: string }).name).toBe(beforeBuild.name);
  });
});

describe('Electron fuses', () => {
  it('are flipped at packaging: no run-as-node, NODE_OPTIONS or inspect; cookie encryption and ASAR integrity on; only app.asar', async () => {
    const config = await getConfig(REPO, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.asar).not.toBe(false);
    // The wire electron-builder writes into the binary, from its own translation of the config.
    const { PlatformPackager } = await import('app-builder-lib');
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const wire = await (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Record<string | number, unknown>> }).generateFuseConfig.call(
      {},
      config.electronFuses,
    );
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});

describe('keeping the Node build of better-sqlite3 through packaging', () => {
  it('puts the Node build back after electron-builder replaced it with the Electron one', () => {
    const dir = appWith(fs.readFileSync(NODE_ADDON));
    const restore = keepNodeBuild(dir);
    fs.writeFileSync(path.join(dir, ADDON), 'the Electron build');
    restore();
    expect(fs.readFileSync(path.join(dir, ADDON)).equals(fs.readFileSync(NODE_ADDON))).toBe(true);
  });

  it('saves nothing that Node cannot load, so a stale Electron build is never "restored"', () => {
    const dir = appWith('the Electron build left by an interrupted packaging');
    const restore = keepNodeBuild(dir);
    expect(fs.existsSync(path.join(dir, '.native', 'node-build'))).toBe(false);
    fs.writeFileSync(path.join(dir, ADDON), 'fresh');
    restore();
    expect(fs.readFileSync(path.join(dir, ADDON), 'utf8')).toBe('fresh');
  });
});

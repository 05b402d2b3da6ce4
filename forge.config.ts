import path from 'node:path';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { copyNativeModules } from './forge/native-modules';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'SiteSync',
    executableName: 'sitesync',
    appBundleId: 'com.sitesync.desktop',
    icon: 'assets/icon',
    // Native .node binaries cannot load from inside the asar archive.
    asar: { unpack: '**/node_modules/{better-sqlite3,@napi-rs}/**/*.node' },
  },
  rebuildConfig: {},
  hooks: {
    // Forge's Vite plugin packages only .vite/: bring the native modules along.
    packageAfterCopy: async (_config, buildPath, _electronVersion, platform, arch) => {
      copyNativeModules({ nodeModulesDir: path.resolve(import.meta.dirname, 'node_modules'), buildPath, platform, arch });
    },
  },
  makers: [
    new MakerSquirrel({ setupIcon: 'assets/icon.ico' }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDMG({ icon: 'assets/icon.icns' }),
    new MakerDeb({ options: { icon: 'assets/icon.png', categories: ['Utility'], productName: 'SiteSync' } }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src-main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src-main/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer is served from app://, never file://: file:// pages get no extra privileges.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;

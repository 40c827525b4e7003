import { defineConfig } from 'wxt';
import { ALL_MATCHES } from './core/sites';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // Asked for from the options page when the operator turns notifications on for a rule.
    optional_permissions: ['notifications'],
    host_permissions: [...ALL_MATCHES],
    action: { default_title: '__MSG_extName__' },
    // COMPAT(firefox): an add-on id is needed for storage in Firefox; Chrome derives its id from the key.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'storepulse@storepulse.local', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});

import { defineConfig } from 'wxt';
import MANGLED_NAMES from './core/content/mangled-names.json';
import { ALL_MATCHES } from './core/sites';

/** The add-on's id at addons.mozilla.org; tests install the Firefox build under it. */
const GECKO_ID = 'storepulse@storepulse.local';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: "read this page" and the picker on any page the operator opens the popup on.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    // Asked for from the options page when the operator turns notifications on for a rule.
    optional_permissions: ['notifications'],
    host_permissions: [...ALL_MATCHES],
    // Asked for one origin at a time, when the operator wants a site's picked numbers read on every visit.
    optional_host_permissions: ['https://*/*'],
    // The picker frames allow.html to ask for that permission during the operator's click; a dynamic
    // URL so pages cannot probe for the extension by its id.
    web_accessible_resources: [{ resources: ['allow.html'], matches: ['https://*/*'], use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
    // COMPAT(firefox): an add-on id is needed for storage in Firefox; Chrome derives its id from the key.
    // optional_host_permissions needs Firefox 128; data_collection_permissions (StorePulse collects
    // nothing) is read from Firefox 140 on desktop and 142 on Android.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // AMO reviews the sources of a bundled add-on: everything needed to rebuild it, nothing else.
    excludeSources: ['artifacts/**', 'docs/**', 'test/**', 'BENCHMARKS.md', '.ci/**', 'vitest.config.ts', 'vitest.e2e.config.ts'],
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  hooks: {
    // Auto-imports only for WXT's own helpers (defineContentScript, browser …), never `components/`: unimport
    // takes a free-looking name that a component exports for an import of that component (a generator's
    // parameter `candidates` in core/reader/recognise.ts became `import { candidates } from
    // 'components/Spend'`), which put Preact and the spend lines' stylesheet into the content scripts.
    // Everything imports its components by path.
    'config:resolved': (wxt) => {
      if (wxt.config.imports) wxt.config.imports.dirs = wxt.config.imports.dirs?.filter((d) => d !== 'components');
    },
    // The scripts that run in web pages — the content scripts on every back-office page and the scripts
    // the background injects — are minified by terser: 1.2 kB less gzip on the shops' content script
    // than esbuild's minifier (README, "The content script's size"). Not the options page's sheet worker.
    'vite:build:extendConfig': (entrypoints, config) => {
      const inPages = (e: (typeof entrypoints)[number]) =>
        e.type === 'content-script' || (e.type === 'unlisted-script' && e.name !== 'sheet-reader');
      if (!entrypoints.every(inPages)) return;
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: {
          compress: { passes: 2 },
          // Property names that never leave a content script (core/content/mangled-names.json: the page
          // session's and the reader's own members, the site definitions' fields) are renamed in the content
          // scripts alone; the names of messages, of the badge script's interface and of built-ins are kept.
          ...(entrypoints.every((e) => e.type === 'content-script')
            ? { mangle: { properties: { regex: new RegExp(`^(?:${MANGLED_NAMES.join('|')})$`) } } }
            : {}),
        },
        // SIZE_MAP=1: source maps beside the scripts (not linked from them), for `test/bench/size-parts.mjs`.
        ...(process.env.SIZE_MAP ? { sourcemap: 'hidden' as const } : {}),
      };
    },
  },
});

import '@/components/base.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from '@/components/Options';
import { sendMessage } from '@/core/messages';
import { loadSettings, loadSyncStatus, pullSettings, saveSettings } from '@/core/settings-store';
import { STATUS_KEY } from '@/core/settings-sync';
import { exportFile, importFile } from '@/core/transfer-client';

render(
  <Options
    load={async () => {
      // What the operator changed on their other computers first.
      await pullSettings().catch(() => false);
      return loadSettings();
    }}
    save={saveSettings}
    shops={() => sendMessage('shops', {})}
    transfer={{
      exportData: exportFile,
      importData: importFile,
    }}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
    sync={{
      load: () => loadSyncStatus(),
      watch: (changed) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && STATUS_KEY in changes) changed();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
    }}
  />,
  document.getElementById('app')!,
);

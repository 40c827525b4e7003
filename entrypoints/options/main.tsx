import '@/components/base.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from '@/components/Options';
import { sendIdempotent, sendMessage } from '@/core/messages';
import { loadSettings, saveSettings } from '@/core/settings-store';

render(
  <Options
    load={loadSettings}
    save={saveSettings}
    shops={() => sendMessage('shops', {})}
    transfer={{
      exportData: (format) => sendMessage('exportData', { format }),
      importData: (text) => sendIdempotent('importData', { text }),
    }}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
  />,
  document.getElementById('app')!,
);

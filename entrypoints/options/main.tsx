import '@/components/base.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from '@/components/Options';
import { sendMessage } from '@/core/messages';
import { exportFile, importFile } from '@/core/transfer-client';

render(
  <Options
    load={() => sendMessage('settings', {})}
    save={async (settings) => void (await sendMessage('saveSettings', { settings }))}
    shops={() => sendMessage('shops', {})}
    transfer={{
      exportData: exportFile,
      importData: importFile,
    }}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
  />,
  document.getElementById('app')!,
);

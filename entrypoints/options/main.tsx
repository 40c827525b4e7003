import '@/components/base.css';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from '@/components/Options';
import { askUntilAnswered, sendMessage } from '@/core/messages';
import { exportFile, importFile } from '@/core/transfer-client';

/** How often the options page asks for the sync status while it is open. */
const SYNC_STATUS_POLL_MS = 2000;

render(
  <Options
    load={() => askUntilAnswered('settings', {})}
    save={async (settings) => void (await sendMessage('saveSettings', { settings }))}
    shops={() => askUntilAnswered('shops', {})}
    transfer={{
      exportData: exportFile,
      importData: importFile,
    }}
    requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
    sync={{
      load: () => sendMessage('syncStatus', {}),
      choose: async (optIn) => (await sendMessage('chooseSync', { optIn })).mode,
      // The worker pushes a moment after each save: the status is asked again while the page is open.
      watch: (changed) => {
        const timer = setInterval(changed, SYNC_STATUS_POLL_MS);
        return () => clearInterval(timer);
      },
    }}
  />,
  document.getElementById('app')!,
);

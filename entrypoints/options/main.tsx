import { render } from 'preact';
import { Options } from '@/components/Options';
import { sendMessage } from '@/core/messages';
import { loadSettings, saveSettings } from '@/core/settings-store';
import '@/components/options.css';

render(
  <Options
    load={loadSettings}
    save={saveSettings}
    shops={() => sendMessage('shops', {})}
    transfer={{
      exportData: (format) => sendMessage('exportData', { format }),
      importData: (text) => sendMessage('importData', { text }),
    }}
  />,
  document.getElementById('app')!,
);

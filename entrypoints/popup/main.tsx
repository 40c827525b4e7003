import { sendMessage } from '@/core/messages';
import type { FirstAnswers } from './app';

// The popup's first module asks the worker for what the first screen shows and nothing else: the questions
// go out while the popup's own code (Preact, the screens, their strings) loads and runs, so a worker that has
// to start, open the database or compute the Review tab's part does it meanwhile.
const first: FirstAnswers = {
  review: sendMessage('review', { first: true }),
  state: sendMessage('popupState', {}),
  settings: sendMessage('settings', {}),
};
performance.mark('storepulse:popup-asked');
// Each answer is handled by whoever takes it.
for (const answer of Object.values(first)) answer.catch(() => undefined);
void import('./app').then(({ start }) => start(first));

import { askUntilAnswered } from '@/core/messages';
import type { FirstAnswers } from './app';

// The popup's first module asks the worker for what the first screen shows and nothing else: the questions
// go out while the popup's own code (Preact, the screens, their strings) loads and runs, so a worker that has
// to start, open the database or compute the Review tab's part does it meanwhile. A question lost on its way
// to a worker the browser is still registering is asked again (askUntilAnswered).
const first: FirstAnswers = {
  review: askUntilAnswered('review', { first: true }),
  state: askUntilAnswered('popupState', {}),
  settings: askUntilAnswered('settings', {}),
};
performance.mark('storepulse:popup-asked');
// Each answer is handled by whoever takes it.
for (const answer of Object.values(first)) answer.catch(() => undefined);
void import('./app').then(({ start }) => start(first));

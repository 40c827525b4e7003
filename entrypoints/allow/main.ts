import browser from 'webextension-polyfill';
import { allowableOrigin, BINDINGS_KEY, repairBindings } from '@/core/bindings';
import { languageOf, localeFor, translator } from '@/core/i18n';
import { SETTINGS_KEY } from '@/core/settings';
import { prefsArea } from '@/core/settings-store';
import { ALLOW_SCREEN } from '@/core/strings/site-access';

/**
 * "Read this site on every visit", shown inside the picker right after a binding is saved. Chrome lets
 * only an extension page ask for a permission, during a click in it; this page is that, framed by the
 * picker. The site it asks for is the frame's parent as the browser reports it (ancestorOrigins), and
 * only one where the operator has bound numbers — a page that frames it on its own gets nothing.
 * Framed in a web page, it may not ask the background anything (core/background/senders.ts): it reads
 * the language and bindings from StorePulse's own storage itself, and writes nothing there.
 */

const stored = await prefsArea(undefined).get([BINDINGS_KEY, SETTINGS_KEY]);
const t = translator(localeFor(languageOf(stored[SETTINGS_KEY])), ALLOW_SCREEN);
const app = document.getElementById('app')!;
const bindings = repairBindings(stored[BINDINGS_KEY]).bindings;
// COMPAT(firefox): no ancestorOrigins there, so the frame stays empty and the popup's button asks instead.
const origin = allowableOrigin(location.ancestorOrigins?.[0], bindings);

function say(text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  app.replaceChildren(p);
}

if (origin) {
  const host = new URL(origin).hostname;
  const count = bindings.sites[origin]!.length;
  const pattern = `${origin}/*`;
  if (await browser.permissions.contains({ origins: [pattern] })) say(t('tools_alwaysOn', { host, count }));
  else {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('tools_always', { host });
    button.addEventListener('click', () => {
      browser.permissions.request({ origins: [pattern] }).then(
        (granted) => say(t(granted ? 'tools_alwaysOn' : 'tools_alwaysOff', { host, count })),
        (error: unknown) => say(String(error instanceof Error ? error.message : error)),
      );
    });
    app.replaceChildren(button);
  }
}

import './PageTools.css';
import { useEffect, useState } from 'preact/hooks';
import { formatValue } from '@/core/format';
import { metricName, type Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { ReadPageResult } from '@/core/messages';

/**
 * The popup's tools for the page in the active tab: "read this page" on any site (activeTab), the
 * element picker, and, where numbers were picked, asking for that one site's permission so they are
 * read on every visit. Supported back offices need none of this: their content script reads them.
 */

export interface PageToolsDeps {
  /** The active tab; `url` is known once the popup was opened on it (activeTab) or the site is allowed. */
  activeTab(): Promise<{ id: number; url?: string } | null>;
  readPage(tabId: number): Promise<ReadPageResult>;
  pick(tabId: number): Promise<unknown>;
  boundCount(origin: string): Promise<number>;
  allowed(origin: string): Promise<boolean>;
  /** Asks the browser for this origin's permission (a prompt the operator answers). */
  allow(origin: string): Promise<boolean>;
  /** The popup closes so the operator can click on the page. */
  close(): void;
}

interface Props {
  t: PopupTranslate;
  locale: Locale;
  deps: PageToolsDeps;
  /** Called after a read stored numbers, so the popup's lists follow. */
  onRead: () => void;
}

interface TabInfo {
  id: number;
  host?: string;
  origin?: string;
  supported?: string;
  web: boolean;
  pickable: boolean;
}

export function PageTools({ t, locale, deps, onRead }: Props) {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [result, setResult] = useState<ReadPageResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState<{ count: number; allowed: boolean } | null>(null);

  useEffect(() => {
    void deps.activeTab().then(async (active) => {
      const url = active?.url ? new URL(active.url) : undefined;
      // The extension's own page (the popup opened in a tab) has nothing to read.
      if (!active || url?.protocol.endsWith('-extension:')) return;
      // The site registry holds every site's reader: loaded here, after the popup's first screen.
      const site = url && (await import('@/core/sites')).siteFor(url);
      const info: TabInfo = {
        id: active.id,
        web: !url || url.protocol === 'https:' || url.protocol === 'http:',
        // Picked numbers are kept per https origin only (a plain-http page can be anyone's).
        pickable: !url || url.protocol === 'https:',
        ...(url ? { host: url.hostname, origin: url.origin } : {}),
        ...(site ? { supported: site.id } : {}),
      };
      setTab(info);
      if (info.origin && info.web && !info.supported) {
        const count = await deps.boundCount(info.origin);
        if (count > 0) setBound({ count, allowed: await deps.allowed(info.origin) });
      }
    }, fail);
  }, [deps]);

  function fail(e: unknown) {
    setBusy(false);
    setError(e instanceof Error ? e.message : String(e));
  }

  if (!tab) return null;
  if (tab.supported) {
    const key = `site_${tab.supported}` as never;
    return (
      <section class="tools popup-card" data-testid="page-tools">
        <p class="popup-muted">{t('tools_supported', { site: t(key) })}</p>
      </section>
    );
  }
  if (!tab.web) {
    return (
      <section class="tools popup-card" data-testid="page-tools">
        <p class="popup-muted">{t('tools_notPage')}</p>
      </section>
    );
  }

  const read = () => {
    setBusy(true);
    setError(null);
    deps.readPage(tab.id).then((r) => {
      setBusy(false);
      setResult(r);
      if (r.stored > 0) onRead();
    }, fail);
  };
  const pick = () => {
    setError(null);
    deps.pick(tab.id).then(() => deps.close(), fail);
  };
  const allow = () => {
    if (!tab.origin) return;
    deps.allow(tab.origin).then((granted) => setBound((b) => b && { ...b, allowed: granted }), fail);
  };

  return (
    <section class="tools popup-card" data-testid="page-tools">
      <h2>
        {t('tools_title')} {tab.host && <small>{tab.host}</small>}
      </h2>
      <div class="tools-tool-buttons">
        <button type="button" class="tools-tool popup-primary" data-testid="read-page" onClick={read} disabled={busy}>
          {busy ? t('tools_reading') : t('tools_read')}
        </button>
        {tab.pickable && (
          <button type="button" class="tools-tool" data-testid="pick" onClick={pick} title={t('tools_pickHelp')}>
            {t('tools_pick')}
          </button>
        )}
      </div>
      {error && (
        <p class="popup-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div class="tools-read-result" data-testid="read-result" role="status">
          {result.observed.length === 0 ? (
            <p>{t('tools_none')}</p>
          ) : (
            <>
              <p>
                <strong>{t('tools_found', { count: result.observed.length, host: result.host })}</strong>{' '}
                {t('tools_stored', { count: result.stored })}
              </p>
              <dl class="popup-latest-grid">
                {result.observed.map((o, i) => (
                  <div key={i} data-metric={o.metric}>
                    <dt>{metricName(t, o.metric)}</dt>
                    <dd>{formatValue(o.metric, o.value, locale, o.currency)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {result.unreadable > 0 && <p class="popup-muted">{t('tools_unreadable', { count: result.unreadable })}</p>}
        </div>
      )}
      {bound && tab.host && (
        <div class="bound" data-testid="bound">
          <p class="popup-muted">
            {t(bound.allowed ? 'tools_alwaysOn' : 'tools_alwaysOff', { count: bound.count, host: tab.host })}
          </p>
          {!bound.allowed && (
            <button type="button" class="tools-tool" data-testid="allow" onClick={allow}>
              {t('tools_always', { host: tab.host })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

import './HostAccess.css';
import { useEffect, useState } from 'preact/hooks';
import type { PopupTranslate } from '@/core/strings/popup';

/** The back offices' host permissions: Firefox treats them as optional, and any browser lets the operator withdraw them. */
export interface HostAccessDeps {
  /** True when some back office the extension reads is not allowed. */
  missing(): Promise<boolean>;
  /** Asks for all of them (the browser's own prompt); true when allowed. */
  ask(): Promise<boolean>;
}

type Shown = 'checking' | 'fine' | 'missing' | 'granted' | 'refused';

/** Says so when the back offices are not allowed (nothing would be read), with a button that asks. */
export function HostAccess({ t, deps }: { t: PopupTranslate; deps: HostAccessDeps }) {
  const [shown, setShown] = useState<Shown>('checking');
  useEffect(() => {
    deps.missing().then(
      (missing) => setShown(missing ? 'missing' : 'fine'),
      () => setShown('fine'),
    );
  }, [deps]);
  if (shown === 'checking' || shown === 'fine') return null;
  if (shown === 'granted') {
    return (
      <p class="access-granted" role="status" data-testid="host-access">
        {t('access_granted')}
      </p>
    );
  }
  const ask = () =>
    void deps.ask().then(
      (granted) => setShown(granted ? 'granted' : 'refused'),
      () => setShown('refused'),
    );
  return (
    <div class="access" role="alert" data-testid="host-access">
      <p>{t(shown === 'refused' ? 'access_refused' : 'access_missing')}</p>
      <button type="button" onClick={ask}>
        {t('access_allow')}
      </button>
    </div>
  );
}

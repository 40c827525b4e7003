import { useState } from 'preact/hooks';
import type { UiKey, UiTranslate } from '@/core/i18n-ui';
import { MAX_PEERS, peerProblem, type Peer } from '@/core/settings';

/**
 * A shop's peers (README, "Custom rules, notifications and peers"): up to five shops to watch, each a name and an https link. A peer that
 * does not validate is not added, and the field says why; what was typed stays for correcting.
 */
export function Peers({
  shop,
  peers,
  t,
  onChange,
}: {
  shop: string;
  peers: Peer[];
  t: UiTranslate;
  onChange: (peers: Peer[]) => void;
}) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<UiKey | null>(null);
  const full = peers.length >= MAX_PEERS;
  const id = (part: string) => `peer-${part}-${shop}`;

  const add = () => {
    const peer = { name: name.trim(), url: url.trim() };
    const problem = peerProblem(peer);
    if (problem) {
      setError(problem === 'name' ? 'peers_errName' : 'peers_errUrl');
      return;
    }
    setError(null);
    setName('');
    setUrl('');
    onChange([...peers, peer]);
  };

  return (
    <div class="peers" data-peers={shop}>
      <strong>{t('peers_title')}</strong> <span class="help small">{t('peers_help')}</span>
      {peers.length > 0 && (
        <ul>
          {peers.map((p, i) => (
            <li key={p.url + i}>
              <a href={p.url} target="_blank" rel="noopener noreferrer">
                {p.name}
              </a>{' '}
              <button
                type="button"
                class="link"
                aria-label={t('peers_remove', { name: p.name })}
                onClick={() => onChange(peers.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p class="help small">{t('peers_full')}</p>
      ) : (
        <form
          class="peer-add"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            id={id('name')}
            aria-label={t('peers_name')}
            placeholder={t('peers_name')}
            maxLength={80}
            value={name}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={error === 'peers_errName'}
          />
          <input
            id={id('url')}
            type="url"
            aria-label={t('peers_url')}
            placeholder="https://"
            value={url}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={error === 'peers_errUrl'}
          />
          <button type="submit">{t('peers_add')}</button>
          {error && (
            <div class="error small" role="alert">
              {t(error)}
            </div>
          )}
        </form>
      )}
    </div>
  );
}

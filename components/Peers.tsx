import './Peers.css';
import { useState } from 'preact/hooks';
import type { OptionsKey, OptionsTranslate } from '@/core/strings/options';
import { MAX_PEER_ALIASES, MAX_PEERS, peerProblem, type Peer } from '@/core/settings';
import { normalisePeerName } from '@/core/peers';

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
  t: OptionsTranslate;
  onChange: (peers: Peer[]) => void;
}) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<OptionsKey | null>(null);
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
      <strong>{t('peers_title')}</strong> <span class="options-help options-small">{t('peers_help')}</span>
      {peers.length > 0 && (
        <ul>
          {peers.map((p, i) => (
            <li key={p.url + i}>
              <a href={p.url} target="_blank" rel="noopener noreferrer">
                {p.name}
              </a>{' '}
              <button
                type="button"
                class="options-link"
                aria-label={t('peers_remove', { name: p.name })}
                onClick={() => onChange(peers.filter((_, j) => j !== i))}
              >
                ×
              </button>
              <Aliases
                peer={p}
                t={t}
                onChange={(aliases) =>
                  onChange(
                    peers.map((q, j) => (j === i ? { name: q.name, url: q.url, ...(aliases.length ? { aliases } : {}) } : q)),
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p class="options-help options-small">{t('peers_full')}</p>
      ) : (
        <form
          class="peers-peer-add"
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
            <div class="options-error options-small" role="alert">
              {t(error)}
            </div>
          )}
        </form>
      )}
    </div>
  );
}

/** Names a 竞店 page prints for one listed peer: linked here, its numbers join the peer's line in the trends. */
function Aliases({ peer, t, onChange }: { peer: Peer; t: OptionsTranslate; onChange: (aliases: string[]) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  const aliases = peer.aliases ?? [];
  const link = () => {
    const alias = name.trim();
    if (!normalisePeerName(alias) || alias.length > 80) {
      setError(true);
      return;
    }
    setError(false);
    setName('');
    if (!aliases.includes(alias)) onChange([...aliases, alias]);
  };
  return (
    <div class="peers-aliases">
      {aliases.length > 0 && (
        <span class="options-small">
          {t('peera_printedAs', { names: '' })}
          {aliases.map((a) => (
            <span class="peers-alias" key={a}>
              {a}
              <button
                type="button"
                class="options-link"
                aria-label={t('peera_remove', { name: a })}
                onClick={() => onChange(aliases.filter((x) => x !== a))}
              >
                ×
              </button>
            </span>
          ))}
        </span>
      )}
      {aliases.length < MAX_PEER_ALIASES && (
        <form
          class="peers-alias-add"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            link();
          }}
        >
          <input
            aria-label={t('peera_label', { name: peer.name })}
            title={t('peera_help')}
            placeholder={t('peera_label', { name: peer.name })}
            maxLength={80}
            value={name}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={error}
          />
          <button type="submit">{t('peera_add')}</button>
          {error && (
            <div class="options-error options-small" role="alert">
              {t('peera_err')}
            </div>
          )}
        </form>
      )}
    </div>
  );
}

import type { Peer } from './settings';

/**
 * Matching the shop names a 竞店 page prints to the peers the operator listed in the options page. A
 * name matches when it is the same once normalised (width, case, spaces and punctuation folded), or when
 * the operator linked that printed name to the peer (`Peer.aliases`). Nothing looser: a peer line that
 * belongs to another shop is worse than a printed name left unlinked.
 */

/** Full-width to half-width (NFKC), lower case, no spaces, no punctuation or symbols. */
export function normalisePeerName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The index of the listed peer a printed name belongs to, or -1. */
export function matchPeer(printed: string, peers: readonly Peer[]): number {
  const key = normalisePeerName(printed);
  if (!key) return -1;
  return peers.findIndex((p) => [p.name, ...(p.aliases ?? [])].some((n) => normalisePeerName(n) === key));
}

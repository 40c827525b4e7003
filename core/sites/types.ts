import type { MetricDef, MetricId, Vocabulary } from '../metrics';
import type { PageMemo } from '../reader/memo';
import type { Found } from '../reader/recognise';
import type { PageScan } from '../reader/scan';
import type { Period } from '../types';

/** What one read of a page produced. */
export interface PageRead {
  site: string;
  store: string;
  period: Period;
  found: Found[];
  /** Numbers drawn so that the DOM's text is not what is shown (scrambling fonts), left unread. */
  unreadable?: Element[];
  /** Metrics whose label the page shows but whose number could not be told apart: nothing was stored for them. */
  unsettled?: MetricId[];
}

export interface ReadContext {
  url: URL;
  now: Date;
  /** When the page showed what it shows (loaded, or navigated in-page): relative period labels count from it. */
  shownAt?: Date;
  /** Called for each document or shadow root the reader entered, so the caller can watch it. */
  onRoot?: (root: Document | ShadowRoot) => void;
  /** Open shadow hosts already known (a page session tracks them between reads). */
  hosts?: Iterable<Element>;
  /** The page's text pass, when the caller made it already (a page session makes it in slices). */
  scan?: PageScan;
  /** What a page session keeps between its reads, so a later read walks again only what changed. */
  memo?: PageMemo;
}

/** One back office: which pages are its own and how to read them. */
export interface SiteAdapter {
  id: string;
  /** Match patterns for the manifest (content script matches and host permissions). */
  matches: readonly string[];
  /** The site's own words over the catalogue (null: a look-alike that never maps there). */
  labels?: Vocabulary;
  /** The catalogue its labels are matched against, when not the shop's metrics (an ads back office). */
  metrics?: readonly MetricDef[];
  /** Whether this adapter handles the page at `url`. */
  isPage(url: URL): boolean;
  /** The time zone of the platform's calendar at `url` (IANA name); undefined: the computer's. */
  timeZone?(url: URL): string | undefined;
  read(root: ParentNode, context: ReadContext): PageRead;
  /** The same read, resumable: it pauses (`yield`) so a caller can give the page the main thread between steps. */
  readSteps(root: ParentNode, context: ReadContext): Generator<void, PageRead>;
}

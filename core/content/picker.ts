import type { BindingPayload } from '../messages';
import { metricName } from '../i18n';
import type { PickerTranslate } from '../strings/picker';
import { METRIC_IDS, type MetricId } from '../metrics';
import { describeValue, numberAt, type Described } from '../reader/bind';

/**
 * The element picker: hover highlights the number under the pointer, a click picks it, Esc cancels.
 * Everything it draws lives in one fixed, full-viewport host with a closed shadow root that takes no
 * pointer events itself, so the page's CSS and scripts cannot reach it (nor the allow.html frame's
 * address) and the page's layout never moves. Page text reaches it only through textContent. While
 * it is open, the operator's clicks on the page are picks and never reach the page's own handlers (no
 * link is followed, no card opens); events a page script dispatches (`isTrusted` false) pick, move,
 * cancel and save nothing.
 */

export const PICKER_TAG = 'storepulse-picker';
/** Where the open picker is kept, on the window of the script's own (isolated) world. */
const OPEN = 'storepulsePicker';

export interface PickerDeps {
  t: PickerTranslate;
  save(binding: BindingPayload): Promise<unknown>;
  /**
   * The extension page that asks for this site's permission (entrypoints/allow/), framed in the
   * chooser once a binding is saved: only an extension page may ask, during the operator's click.
   */
  allowUrl?: string;
}

const STYLE = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; display: block; }
* { box-sizing: border-box; }
.ui { font: 400 13px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f1f1f; letter-spacing: normal; text-transform: none; text-align: left; direction: ltr; }
.box { position: fixed; display: none; border: 2px solid #ff5000; background: rgba(255,80,0,.12); border-radius: 3px; pointer-events: none; }
.box.none { border-style: dashed; border-color: #80868b; background: rgba(128,134,139,.10); }
.box.picked { border-color: #1a73e8; background: rgba(26,115,232,.12); }
.bar { position: fixed; top: 10px; left: 50%; transform: translateX(-50%); display: flex; gap: 10px; align-items: center; padding: 8px 10px 8px 14px; border-radius: 999px; background: #202124; color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: auto; white-space: nowrap; }
.bar b { color: #ffb38a; font-weight: 600; }
.panel { position: fixed; width: 300px; padding: 12px 14px; border-radius: 10px; background: #fff; border: 1px solid #dadce0; box-shadow: 0 6px 22px rgba(0,0,0,.22); pointer-events: auto; }
.panel[hidden] { display: none; }
h2 { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
.row { display: flex; gap: 8px; margin: 4px 0; }
.row span:first-child { flex: none; width: 64px; color: #5f6368; }
.row span:last-child { min-width: 0; overflow-wrap: anywhere; }
.value { font-weight: 600; font-size: 16px; }
label { display: block; margin: 10px 0 4px; color: #5f6368; }
select { width: 100%; font: inherit; padding: 5px 6px; border: 1px solid #dadce0; border-radius: 6px; background: #fff; color: #1f1f1f; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #dadce0; background: #f8f9fa; color: #1f1f1f; cursor: pointer; }
button.primary { background: #ff5000; border-color: #ff5000; color: #fff; font-weight: 600; }
button:disabled { opacity: .5; cursor: default; }
.bar button { background: transparent; color: #fff; border-color: #5f6368; }
.msg { margin: 8px 0 0; color: #188038; }
.msg.error { color: #b3261e; }
iframe.allow { display: block; width: 100%; height: 64px; border: 0; margin-top: 6px; }
`;

export class Picker {
  private readonly doc: Document;
  private readonly deps: PickerDeps;
  private readonly host: HTMLElement;
  private readonly box: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly listeners = new AbortController();
  private picked: Described | null = null;

  constructor(doc: Document, deps: PickerDeps) {
    this.doc = doc;
    this.deps = deps;
    const { t } = deps;
    this.host = doc.createElement(PICKER_TAG);
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const ui = this.el('div', 'ui');
    this.box = this.el('div', 'box');
    const bar = this.el('div', 'bar');
    bar.dataset.part = 'bar';
    this.hint = this.el('span', '', t('picker_hint'));
    const cancel = this.el('button', '', t('picker_cancel'));
    cancel.addEventListener('click', (e) => e.isTrusted && this.close());
    bar.append(this.hint, cancel);
    this.panel = this.el('div', 'panel');
    this.panel.hidden = true;
    this.panel.dataset.part = 'panel';
    ui.append(this.box, bar, this.panel);
    shadow.append(style, ui);
  }

  /**
   * Whether a picker is open in this page, asked of our own world: a page cannot fake one by putting a
   * look-alike element in its DOM (the element is not ours, and the isolated world's globals are not the page's).
   */
  static isOpen(win: Window): boolean {
    return (win as unknown as { [OPEN]?: Picker })[OPEN]?.host.isConnected === true;
  }

  open(): void {
    (this.doc.defaultView as unknown as { [OPEN]?: Picker })[OPEN] = this;
    (this.doc.body ?? this.doc.documentElement).append(this.host);
    const win = this.doc.defaultView!;
    const opts = { capture: true, signal: this.listeners.signal };
    win.addEventListener('mousemove', (e) => this.onMove(e), { ...opts, passive: true });
    win.addEventListener('click', (e) => this.onClick(e), opts);
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu'] as const)
      win.addEventListener(type, (e) => this.swallow(e), opts);
    win.addEventListener('keydown', (e) => this.onKey(e), opts);
    win.addEventListener('scroll', () => this.picked && this.frame(this.picked.element, 'picked'), { ...opts, passive: true });
  }

  close(): void {
    this.listeners.abort();
    this.host.remove();
  }

  /** Picks an element as a click would (tests and keyboard use). */
  pick(target: Element): void {
    const described = describeValue(target);
    if (!described) {
      this.hint.textContent = this.deps.t('picker_noNumber');
      return;
    }
    this.picked = described;
    this.frame(described.element, 'picked');
    this.showChooser(described);
  }

  private ours(e: Event): boolean {
    return e.composedPath().includes(this.host);
  }

  private swallow(e: Event): void {
    if (!e.isTrusted || this.ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  private onMove(e: MouseEvent): void {
    if (!e.isTrusted || this.picked || this.ours(e)) return;
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const value = numberAt(target);
    this.frame(value ?? target, value ? '' : 'none');
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || this.ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.target instanceof Element) this.pick(e.target);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || e.key !== 'Escape') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.close();
  }

  private frame(el: Element, kind: '' | 'none' | 'picked'): void {
    const r = el.getBoundingClientRect();
    Object.assign(this.box.style, {
      display: 'block',
      top: `${r.top - 3}px`,
      left: `${r.left - 3}px`,
      width: `${r.width + 6}px`,
      height: `${r.height + 6}px`,
    });
    this.box.className = `box ${kind}`;
  }

  private showChooser(d: Described): void {
    const { t } = this.deps;
    this.panel.replaceChildren();
    const select = this.el('select', '') as HTMLSelectElement;
    select.id = 'metric';
    const none = this.el('option', '', t('picker_choose')) as HTMLOptionElement;
    none.value = '';
    none.disabled = true;
    select.append(none);
    for (const id of METRIC_IDS) {
      const option = this.el('option', '', metricName(t, id)) as HTMLOptionElement;
      option.value = id;
      select.append(option);
    }
    select.value = d.suggested ?? '';
    const label = this.el('label', '', t('picker_metric'));
    label.setAttribute('for', 'metric');
    const msg = this.el('p', 'msg');
    const save = this.el('button', 'primary', t('picker_save')) as HTMLButtonElement;
    save.disabled = !d.suggested;
    select.addEventListener('change', () => (save.disabled = !select.value));
    const cancel = this.el('button', '', t('picker_cancel'));
    save.addEventListener('click', (e) => e.isTrusted && void this.save(d, select.value as MetricId, msg, save));
    cancel.addEventListener('click', (e) => e.isTrusted && this.close());
    const actions = this.el('div', 'actions');
    actions.append(cancel, save);
    this.panel.append(
      this.el('h2', '', t('picker_title')),
      this.row(t('picker_value'), d.raw, 'value'),
      this.row(t('picker_label'), d.label || '—'),
      label,
      select,
      msg,
      actions,
    );
    this.panel.hidden = false;
    this.place(d.element);
    select.focus();
  }

  private async save(d: Described, metric: MetricId, msg: HTMLElement, button: HTMLElement): Promise<void> {
    const { t } = this.deps;
    try {
      await this.deps.save({ metric, label: d.label, labelFirst: d.labelFirst, path: d.path, raw: d.raw.slice(0, 120) });
      msg.className = 'msg';
      msg.textContent = t(this.deps.allowUrl ? 'picker_savedAsk' : 'picker_saved', { metric: metricName(t, metric) });
      button.textContent = t('picker_close');
      button.replaceWith(button.cloneNode(true));
      this.panel.querySelectorAll('.actions button:not(.primary)').forEach((b) => b.remove());
      this.panel.querySelector('button.primary')?.addEventListener('click', (e) => e.isTrusted && this.close());
      if (this.deps.allowUrl) {
        const frame = this.el('iframe', 'allow') as HTMLIFrameElement;
        frame.src = this.deps.allowUrl;
        frame.title = t('picker_title');
        msg.after(frame);
      }
    } catch (error) {
      msg.className = 'msg error';
      msg.textContent = t('picker_error', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Below the picked number when there is room, else above it; always inside the viewport. */
  private place(el: Element): void {
    const r = el.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const width = 300;
    const height = this.panel.getBoundingClientRect().height || 260;
    const left = Math.min(Math.max(8, r.left), win.innerWidth - width - 8);
    const below = r.bottom + 10;
    const top = below + height < win.innerHeight ? below : Math.max(8, r.top - height - 10);
    Object.assign(this.panel.style, { left: `${left}px`, top: `${top}px` });
  }

  private row(name: string, value: string, cls = ''): HTMLElement {
    const row = this.el('div', 'row');
    row.append(this.el('span', '', name), this.el('span', cls, value));
    return row;
  }

  private el(tag: string, cls: string, text?: string): HTMLElement {
    const el = this.doc.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  }
}

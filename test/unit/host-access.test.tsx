import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { HostAccess, type HostAccessDeps } from '@/components/HostAccess';
import type { Locale } from '@/core/i18n';
import { translator } from '@/core/i18n';
import { POPUP_SCREEN } from '@/core/strings/popup';

/** The popup's notice when the back offices are not allowed (Firefox's optional host permissions). */

function mount(deps: HostAccessDeps, locale: Locale = 'en') {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<HostAccess t={translator(locale, POPUP_SCREEN)} deps={deps} />, root);
  return root;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the popup notice for missing host permissions', () => {
  it('shows nothing when the back offices are allowed', async () => {
    const root = mount({ missing: async () => false, ask: vi.fn() });
    await settle();
    expect(root.innerHTML).toBe('');
  });

  it('shows nothing when the check itself fails (no false alarm)', async () => {
    const root = mount({ missing: () => Promise.reject(new Error('no permissions API')), ask: vi.fn() });
    await settle();
    expect(root.innerHTML).toBe('');
  });

  it.each([
    ['en', 'reads nothing there', 'Allow access', 'Reload your back-office page'],
    ['zh-CN', '一个也读不到', '允许访问', '重新加载后台页面'],
    ['zh-TW', '一個也讀不到', '允許存取', '重新載入後台頁面'],
  ] as const)('in %s says nothing is read, and its button asks for access', async (locale, says, button, after) => {
    const ask = vi.fn(async () => true);
    const root = mount({ missing: async () => true, ask }, locale);
    await settle();
    const notice = root.querySelector('[data-testid="host-access"]')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain(says);
    const allow = notice.querySelector('button')!;
    expect(allow.textContent).toBe(button);
    allow.click();
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain(after);
    expect(root.querySelector('button')).toBeNull();
  });

  it('keeps the button when the operator refuses, and says what that means', async () => {
    const ask = vi.fn(async () => false);
    const root = mount({ missing: async () => true, ask });
    await settle();
    root.querySelector('button')!.click();
    await settle();
    expect(root.textContent).toContain('StorePulse reads no back office until you allow it');
    expect(root.querySelector('button')?.textContent).toBe('Allow access');
  });
});

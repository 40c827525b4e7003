import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PageTools, type PageToolsDeps } from '@/components/PageTools';
import { translator } from '@/core/i18n';
import { POPUP_SCREEN } from '@/core/strings/popup';
import type { ReadPageResult } from '@/core/messages';

/** The popup's page tools: what they offer on which page, and what they say after a read. */

const none: ReadPageResult = {
  host: 'dash.example-shop.com',
  site: 'other',
  supported: false,
  observed: [],
  stored: 0,
  unreadable: 0,
};

function mount(url: string | undefined, over: Partial<PageToolsDeps> = {}) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const deps: PageToolsDeps = {
    activeTab: async () => ({ id: 3, ...(url ? { url } : {}) }),
    readPage: async () => none,
    pick: async () => ({ ok: true }),
    boundCount: async () => 0,
    allowed: async () => false,
    allow: async () => true,
    close: vi.fn(),
    ...over,
  };
  render(<PageTools t={translator('zh-CN', POPUP_SCREEN)} locale="zh-CN" deps={deps} onRead={() => undefined} />, root);
  return { root, deps };
}

// The tools load the site registry on demand: once it is in the module cache, 20 ms is enough to answer.
const settle = async () => {
  await import('@/core/sites');
  await new Promise((r) => setTimeout(r, 20));
};

describe('popup page tools', () => {
  it('says “no numbers found” after reading a page that has none', async () => {
    const { root } = mount('https://dash.example-shop.com/');
    await settle();
    (root.querySelector('[data-testid="read-page"]') as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector('[data-testid="read-result"]')!.textContent).toBe('此页面上没有找到数字。');
  });

  it('shows the error when the page cannot be read, and reads nothing on StorePulse’s own pages', async () => {
    const { root } = mount('https://dash.example-shop.com/', {
      readPage: async () => {
        throw new Error('the page reader returned something unexpected');
      },
    });
    await settle();
    (root.querySelector('[data-testid="read-page"]') as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('the page reader returned something unexpected');
    const own = mount('chrome-extension://abc/popup.html');
    await settle();
    expect(own.root.innerHTML).toBe('');
  });

  it('offers no picker on plain http, nothing but a note on a supported back office, and closes after starting the picker', async () => {
    const http = mount('http://dash.example-shop.com/');
    await settle();
    expect(http.root.querySelector('[data-testid="read-page"]')).not.toBeNull();
    expect(http.root.querySelector('[data-testid="pick"]')).toBeNull();
    const sycm = mount('https://sycm.taobao.com/portal/home.htm');
    await settle();
    expect(sycm.root.textContent).toBe('你使用生意参谋时，店脉会自动读取。');
    const dash = mount('https://dash.example-shop.com/');
    await settle();
    (dash.root.querySelector('[data-testid="pick"]') as HTMLButtonElement).click();
    await settle();
    expect(dash.deps.close).toHaveBeenCalled();
  });

  it('asks for a site with picked numbers to be read on every visit, and says so once allowed', async () => {
    const allow = vi.fn(async () => true);
    const { root } = mount('https://dash.example-shop.com/', { boundCount: async () => 2, allow });
    await settle();
    (root.querySelector('[data-testid="allow"]') as HTMLButtonElement).click();
    await settle();
    expect(allow).toHaveBeenCalledWith('https://dash.example-shop.com');
    expect(root.querySelector('[data-testid="bound"]')!.textContent).toBe(
      'dash.example-shop.com 上选取的 2 个数字会在每次打开时读取。',
    );
    expect(root.querySelector('[data-testid="allow"]')).toBeNull();
  });
});

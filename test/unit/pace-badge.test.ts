import { afterEach, describe, expect, it } from 'vitest';
import { SETTLE_MS } from '@/core/content/session';
import type { PageReport } from '@/core/messages';
import type { PaceView } from '@/core/review/types';
import { SHORT as VIEW } from '@/test/fixtures/pace/views';
import { BADGE_SCREEN } from '@/core/background/badge-words';
import { translator } from '@/core/i18n';
import { paceText } from '@/core/pace-text';
import { fakeBackground, startSession } from './support/background';
import { closedRoots } from './support/dom';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const roots = closedRoots();
let controller: AbortController;
afterEach(() => controller?.abort());

describe('the pace badge beside a real-time sales number', () => {
  it('goes through the badge path: beside the sales number, warn when short, the lever inside', async () => {
    document.body.innerHTML = `<div class="card"><div class="l">支付金额</div><div class="v">7,000.00</div></div><div class="card"><div class="l">访客数</div><div class="v">1,400</div></div>`;
    const bg = fakeBackground();
    const answered: Array<{ index: number; view: PaceView }> = [];
    const withPace = {
      ...bg,
      async report(r: PageReport) {
        const reply = await bg.report(r);
        const index = r.observed.findIndex((o) => o.metric === 'sales');
        // The background words it in the page's language (here zh-CN, as the session's translator).
        const pace =
          index >= 0 ? { index, view: VIEW, text: paceText(VIEW, translator('zh-CN', BADGE_SCREEN), 'zh-CN') } : undefined;
        if (pace) answered.push(pace);
        return { ...reply, ...(pace ? { pace } : {}) };
      },
    };
    controller = new AbortController();
    startSession(withPace, controller.signal);
    await wait(SETTLE_MS * 3);
    expect(answered).toHaveLength(1);
    const host = document.querySelector('storepulse-badge[data-metric="pace"]')!;
    expect(host.getAttribute('data-severity')).toBe('warn');
    // Inside the sales number's own element, after its text: the number itself is untouched.
    expect(host.parentElement!.textContent).toBe('7,000.00');
    const text = roots.get(host)!.textContent!;
    expect(text).toContain('按当前节奏预计 ¥12,000（日目标 ¥20,000，差 ¥8,000）');
    expect(text).toContain('预计 ¥12,000，差 ¥8,000');
    expect(text).toContain('该推 访客数：比过去同星期几同一时刻 -50.0%');
    expect(text).toContain('手淘搜索（700，平时 2,100）');
    expect(text).toContain('负责：推广');
    // Only one badge on the page: the visitors number carries none.
    expect(document.querySelectorAll('storepulse-badge')).toHaveLength(1);
  });
});

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { AlertItem } from '@/components/Inbox';
import { toView } from '@/core/background/alerts';
import type { AlertRecord } from '@/core/db';
import { translator } from '@/core/i18n';
import { POPUP_SCREEN } from '@/core/strings/popup';
import { renderRoot } from './support/dom';

const RECORD: AlertRecord = {
  id: 'sycm|小雨的旗舰店|visitors|d:2026-11-27|流量来源=手淘搜索|rule:r5',
  site: 'sycm',
  store: '小雨的旗舰店',
  metric: 'visitors',
  ruleId: 'r5',
  ruleName: '搜索流量比上周同日降 30%',
  breakdown: { dimension: '流量来源', key: '手淘搜索' },
  severity: 'warn',
  direction: 'below',
  fix: 'visitorsFell',
  value: 700,
  threshold: 1400,
  period: { kind: 'day', start: '2026-11-27', end: '2026-11-27' },
  periodKey: 'd:2026-11-27',
  status: 'open',
  firstSeen: 1,
  lastSeen: 2,
  url: 'https://sycm.taobao.com/flow',
  source: { label: '手淘搜索', locator: 'table', reader: 'adapter', raw: '700' },
};

const root = renderRoot();

describe('a custom rule’s alert in the inbox', () => {
  it('carries the rule’s name and row from the stored alert to the view', () => {
    expect(toView(RECORD)).toMatchObject({
      ruleName: '搜索流量比上周同日降 30%',
      row: { dimension: '流量来源', key: '手淘搜索' },
    });
    const { ruleName: _, breakdown: __, ...platform } = RECORD;
    expect(toView(platform)).not.toHaveProperty('ruleName');
    expect(toView(platform)).not.toHaveProperty('row');
  });

  it.each([
    ['zh-CN', '你的规则“搜索流量比上周同日降 30%”', '行 流量来源：手淘搜索'],
    ['en', 'Your rule “搜索流量比上周同日降 30%”', 'Row 流量来源: 手淘搜索'],
  ] as const)('names the rule and its row (%s)', async (locale, name, row) => {
    const t = translator(locale, POPUP_SCREEN);
    await act(() =>
      render(
        <ul>
          <AlertItem alert={toView(RECORD)} t={t} locale={locale}>
            {null}
          </AlertItem>
        </ul>,
        root(),
      ),
    );
    const line = root().querySelector('[data-testid="alert-rule"]')!.textContent!;
    expect(line).toContain(name);
    expect(line).toContain(row);
  });

  it('says “one of your own rules” for a rule without a name, and nothing for a platform line', async () => {
    const t = translator('en', POPUP_SCREEN);
    await act(() =>
      render(
        <ul>
          <AlertItem alert={{ ...toView(RECORD), ruleName: '' }} t={t} locale="en">
            {null}
          </AlertItem>
          <AlertItem
            alert={{ ...toView(RECORD), id: 'x', ruleName: undefined as never, row: undefined as never }}
            t={t}
            locale="en"
          >
            {null}
          </AlertItem>
        </ul>,
        root(),
      ),
    );
    const lines = [...root().querySelectorAll('[data-testid="alert-rule"]')].map((e) => e.textContent);
    expect(lines).toEqual(['One of your own rules · Row 流量来源: 手淘搜索']);
  });
});

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { AlertItem } from '@/components/Inbox';
import { toView } from '@/core/background/alerts';
import { ingest } from '@/core/background/ingest';
import { translator } from '@/core/i18n';
import { POPUP_SCREEN } from '@/core/strings/popup';
import { dayReport, freshDb, NOON, obs } from './support/db';
import { renderRoot } from './support/dom';

const root = renderRoot();
const WEEK = { kind: 'range', start: '2026-11-19', end: '2026-11-25' } as const;

describe('an alert on a 7-day page', () => {
  it.each([
    ['zh-CN', '2026-11-19 至 2026-11-25'],
    ['zh-TW', '2026-11-19 至 2026-11-25'],
    ['en', '2026-11-19 – 2026-11-25'],
  ] as const)('keeps the range it was read for and shows it, never as one day (%s)', async (locale, range) => {
    const db = await freshDb();
    await ingest(db, dayReport([obs('bounceRate', 0.72)], { period: WEEK }), {
      url: 'https://sycm.taobao.com/portal/home.htm',
      now: NOON,
    });
    const [alert] = await db.getAll('alerts');
    expect(alert).toMatchObject({ metric: 'bounceRate', severity: 'critical', period: WEEK });
    const t = translator(locale, POPUP_SCREEN);
    await act(() =>
      render(
        <ul>
          <AlertItem alert={toView(alert!)} t={t} locale={locale}>
            {null}
          </AlertItem>
        </ul>,
        root(),
      ),
    );
    const text = root().textContent!;
    expect(text).toContain(range);
    expect(text).toContain('72.00%');
  });
});

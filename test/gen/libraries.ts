import { createElement as h, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esc, group, groupDecimal, shiftDecimal } from './format';
import type { Expected, GeneratedPage, Period, TruthReading } from './page';
import { rng, type Rng } from './prng';
import { KIND, type Metric, type PlatformId } from './vocab';

/**
 * Pages whose markup comes from the design systems back offices are built with, rendered on the server
 * at test time: Ant Design (antd + @ant-design/cssinjs), ByteDance Arco, Shopify Polaris, Element Plus
 * (Vue's server renderer) and Material UI. Their statistic cards, descriptions, tables with summary
 * rows, tabs and tooltips are the libraries' own; this file only chooses the numbers and knows the
 * truth. Test tier only: none of these packages is imported by the extension.
 */

const require = createRequire(import.meta.url);
const css = (path: string) => readFileSync(require.resolve(path), 'utf8');

interface Built {
  platform: PlatformId;
  url: string;
  lang: string;
  title: string;
  header: string;
  css: string;
  body: string;
  store: string | null;
  period: Period;
  readings: TruthReading[];
  notes: string;
}

function page(seed: number, library: string, b: Built): GeneratedPage {
  const own = new Set(b.readings.filter((t) => !t.breakdown && !t.period).map((t) => t.metric));
  const expected: Expected = {
    url: b.url,
    store: b.store,
    period: b.period,
    readings: b.readings,
    absent: (Object.keys(KIND) as Metric[]).filter((m) => !own.has(m)),
    volatile: false,
    notes: `${library} page, seed ${seed}: ${b.notes}`,
    seed,
  };
  const html = `<!doctype html><html lang="${b.lang}"><head><meta charset="utf-8"><title>${esc(b.title)}</title><style>${b.css}</style></head><body data-seed="${seed}">${b.header}<main style="padding:16px 24px">${b.body}</main></body></html>`;
  return { seed, platform: b.platform, html, url: b.url, expected, axes: { library } };
}

/** Digits with a fixed number of decimals and their exact value (× 10^shift). */
function fixed(r: Rng, lo: number, hi: number, decimals: number): { text: string; value: number } {
  const text = (lo + r.next() * (hi - lo)).toFixed(decimals);
  return { text, value: shiftDecimal(text, 0) };
}

const day = (r: Rng) => `2026-${String(r.int(9, 11)).padStart(2, '0')}-${String(r.int(10, 28)).padStart(2, '0')}`;
const minus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------
// Ant Design: 京东商智-style overview (Statistic cards, Descriptions, a source table, tabs with a hidden pane)

async function antd(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Card, Col, Row, Statistic, Table, Tabs, Descriptions, Tooltip, ConfigProvider } = await import('antd');
  const { createCache, extractStyle, StyleProvider } = await import('@ant-design/cssinjs');
  const cache = createCache();
  const date = day(r);
  const visitors = r.int(2000, 60000);
  const sales = fixed(r, 5000, 300000, 2);
  const cr = fixed(r, 0.8, 6, 2);
  const bounce = fixed(r, 35, 80, 2);
  const aov = fixed(r, 50, 400, 2);
  const pv = Math.round(visitors * (2 + r.next() * 2));
  const ppv = fixed(r, 1.8, 4.5, 2);
  const store = r.pick(['鹿野家居旗舰店', '云朵母婴旗舰店', '南风户外专营店']);
  const readings: TruthReading[] = [
    { metric: 'visitors', value: visitors },
    { metric: 'sales', value: sales.value, currency: 'CNY' },
    { metric: 'conversionRate', value: shiftDecimal(cr.text, -2) },
    { metric: 'bounceRate', value: shiftDecimal(bounce.text, -2) },
    { metric: 'avgOrderValue', value: aov.value, currency: 'CNY' },
    { metric: 'pageViews', value: pv },
    { metric: 'pagesPerVisit', value: ppv.value },
  ];
  const stat = (title: ReactNode, props: Record<string, unknown>) =>
    h(Col, { span: 6 }, h(Card, { size: 'small' }, h(Statistic, { title, ...props })));
  const sources = ['京东搜索', '首页推荐', '京东快车', '购物车'].slice(0, r.int(2, 4)).map((key, i) => {
    const v = r.int(100, Math.max(200, Math.floor(visitors / 3)));
    const c = fixed(r, 0.5, 8, 2);
    readings.push({ metric: 'visitors', value: v, breakdown: { dimension: '来源', key } });
    readings.push({ metric: 'conversionRate', value: shiftDecimal(c.text, -2), breakdown: { dimension: '来源', key } });
    return { key: i, source: key, visitors: group(String(v), ','), cr: `${c.text}%` };
  });
  const hiddenVisitors = Math.round(visitors * 0.6);
  const tree = h(
    StyleProvider,
    { cache },
    h(
      ConfigProvider,
      {},
      h('div', { className: 'toolbar' }, h('span', null, '数据日期 '), h('span', null, date)),
      h(Tabs, {
        items: [
          {
            key: 'all',
            label: '全部终端',
            children: h(
              'div',
              null,
              h(
                Row,
                { gutter: [16, 16] },
                stat(h(Tooltip, { title: '统计时间内访问店铺的去重人数' }, h('span', null, '访客数')), { value: visitors }),
                stat('成交金额', { value: sales.value, precision: 2, prefix: '¥' }),
                stat('成交转化率', { value: Number(cr.text), precision: 2, suffix: '%' }),
                stat('跳失率', { value: Number(bounce.text), precision: 2, suffix: '%' }),
                stat('客单价(元)', { value: aov.value, precision: 2 }),
              ),
              h(Descriptions, {
                title: '流量',
                size: 'small',
                items: [
                  { key: 'pv', label: '浏览量', children: group(String(pv), ',') },
                  { key: 'ppv', label: '人均浏览量', children: ppv.text },
                  { key: 'fav', label: '店铺关注人数', children: String(r.int(20, 400)) },
                ],
              }),
            ),
          },
          {
            key: 'wireless',
            label: 'APP',
            forceRender: true,
            children: h(Row, { gutter: 16 }, stat('访客数', { value: hiddenVisitors })),
          },
        ],
      }),
      h(Table, {
        size: 'small',
        pagination: false,
        dataSource: sources,
        columns: [
          { title: '来源', dataIndex: 'source' },
          { title: '访客数', dataIndex: 'visitors' },
          { title: '成交转化率', dataIndex: 'cr' },
        ],
      }),
    ),
  );
  const body = renderToString(tree);
  return page(seed, 'antd', {
    platform: 'jd',
    url: `https://sz.jd.com/sz/view/lib${seed}/flow/overview.html`,
    lang: 'zh-CN',
    title: '京东商智',
    header: `<header style="padding:8px 24px">京东商智 <span>${esc(store)}:运营小李</span></header>`,
    css: extractStyle(cache),
    body,
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes:
      'Statistic cards (a Tooltip around a title, ¥ prefix, % suffix, 客单价(元)), Descriptions with the 店铺关注人数 look-alike, a hidden APP tab pane (forceRender), a source Table',
  });
}

// ---------------------------------------------------------------------------------------------------
// Arco: 抖店罗盘-style day table with a summary row, statistics and a range picker's input values

async function arco(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Statistic, Table, Grid, Card, Descriptions } = await import('@arco-design/web-react');
  const end = day(r);
  const start = minus(end, 6);
  const days = Array.from({ length: 7 }, (_, k) => minus(end, 6 - k));
  const readings: TruthReading[] = [];
  const rows = days.map((d) => {
    const visitors = r.int(800, 20000);
    const s = fixed(r, 2000, 90000, 2);
    readings.push({ metric: 'visitors', value: visitors, period: { kind: 'day', start: d, end: d } });
    readings.push({ metric: 'sales', value: s.value, currency: 'CNY', period: { kind: 'day', start: d, end: d } });
    return {
      key: d,
      date: d,
      visitors,
      sales: s.value,
      salesText: groupDecimal(s.text),
    };
  });
  const totalSales = Math.round(rows.reduce((a, b) => a + b.sales, 0) * 100) / 100;
  readings.push({ metric: 'sales', value: totalSales, currency: 'CNY', optional: true });
  const buyers = r.int(100, 3000);
  const units = buyers + r.int(10, 900);
  const aov = fixed(r, 40, 300, 2);
  readings.push(
    { metric: 'paidBuyers', value: buyers },
    { metric: 'unitsOrdered', value: units },
    { metric: 'avgOrderValue', value: aov.value, currency: 'CNY' },
  );
  const sumVisitors = rows.reduce((a, b) => a + b.visitors, 0);
  const tree = h(
    'div',
    null,
    h(
      'div',
      { className: 'range' },
      h('input', { readOnly: true, value: start }),
      h('span', null, ' 至 '),
      h('input', { readOnly: true, value: end }),
    ),
    h(
      Grid.Row,
      { gutter: 16 },
      h(Grid.Col, { span: 6 }, h(Card, null, h(Statistic, { title: '成交人数', value: buyers, groupSeparator: true }))),
      h(Grid.Col, { span: 6 }, h(Card, null, h(Statistic, { title: '成交件数', value: units, groupSeparator: true }))),
      h(
        Grid.Col,
        { span: 6 },
        h(Card, null, h(Statistic, { title: '客单价', value: aov.value, precision: 2, prefix: '¥', groupSeparator: true })),
      ),
      h(
        Grid.Col,
        { span: 6 },
        h(Card, null, h(Statistic, { title: '商品曝光人数', value: r.int(20000, 900000), groupSeparator: true })),
      ),
    ),
    h(Descriptions, { column: 2, data: [{ label: '千次观看成交金额', value: `¥${fixed(r, 10, 900, 2).text}` }] }),
    h(Table, {
      pagination: false,
      data: rows,
      columns: [
        { title: '日期', dataIndex: 'date' },
        { title: '商品访客数', dataIndex: 'visitors' },
        { title: '成交金额', dataIndex: 'salesText' },
      ],
      summary: () =>
        h(
          Table.Summary.Row,
          null,
          h(Table.Summary.Cell, null, '合计'),
          h(Table.Summary.Cell, null, String(sumVisitors)),
          h(Table.Summary.Cell, null, totalSales.toFixed(2)),
        ),
    }),
  );
  const store = r.pick(['山岚茶事官方旗舰店', '鹿野家居旗舰店']);
  return page(seed, 'arco', {
    platform: 'douyin',
    url: `https://compass.jinritemai.com/shop/lib${seed}/core-data`,
    lang: 'zh-CN',
    title: '抖店罗盘',
    header: `<header style="padding:8px 24px">抖店罗盘 <div class="shop-name">${esc(store)}</div></header>`,
    css: css('@arco-design/web-react/dist/css/arco.min.css'),
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'range picker inputs only; Statistic cards (成交人数, 成交件数, 客单价 with ¥, 商品曝光人数 look-alike); Descriptions 千次观看成交金额; a 7-day Table whose summary row 合计 sums the days (visitors: not the range value; sales: the range value, optional)',
  });
}

// ---------------------------------------------------------------------------------------------------
// Polaris: Shopify analytics cards and a DataTable with a totals row

async function polaris(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { AppProvider, Card, Text, BlockStack, InlineGrid, DataTable, Tooltip } = await import('@shopify/polaris');
  const en = require('@shopify/polaris/locales/en.json');
  const end = day(r);
  const start = minus(end, 29);
  const sessions = r.int(800, 30000);
  const sales = fixed(r, 1000, 90000, 2);
  const orders = r.int(20, 900);
  const cr = fixed(r, 0.6, 4, 2);
  const gross = fixed(r, sales.value * 1.05, sales.value * 1.3, 2);
  const money = (t: string) => `$${groupDecimal(t)}`;
  const readings: TruthReading[] = [
    { metric: 'visits', value: sessions },
    { metric: 'sales', value: sales.value, currency: 'USD' },
    { metric: 'orders', value: orders },
    { metric: 'conversionRate', value: shiftDecimal(cr.text, -2) },
  ];
  const metric = (title: string, value: string, tip?: string) =>
    h(
      Card,
      null,
      h(
        BlockStack,
        { gap: '200' },
        tip
          ? h(Tooltip, { content: tip }, h(Text, { as: 'h3', variant: 'headingSm', children: title }))
          : h(Text, { as: 'h3', variant: 'headingSm', children: title }),
        h(Text, { as: 'p', variant: 'headingLg', children: value }),
        h(Text, { as: 'p', tone: 'subdued', children: `${r.pick(['↑', '↓'])} ${r.int(1, 40)}%` }),
      ),
    );
  const channels = ['Online Store', 'Point of Sale', 'Draft Orders'];
  const rows = channels.map((c) => {
    const s = fixed(r, 100, sales.value / 2, 2);
    readings.push({ metric: 'sales', value: s.value, currency: 'USD', breakdown: { dimension: 'Sales channel', key: c } });
    return [c, money(s.text)];
  });
  const tree = h(
    AppProvider,
    { i18n: en },
    h(
      BlockStack,
      { gap: '400' },
      h(
        InlineGrid,
        { columns: 4, gap: '400' },
        metric('Total sales', money(sales.text), 'Gross sales minus discounts and returns, plus taxes and shipping'),
        metric('Sessions', group(String(sessions), ',')),
        metric('Orders', String(orders)),
        metric('Conversion rate', `${cr.text}%`),
        metric('Gross sales', money(gross.text)),
      ),
      h(DataTable, {
        columnContentTypes: ['text', 'numeric'],
        headings: ['Sales channel', 'Total sales'],
        rows,
        totals: ['', money(fixed(r, 10, 99, 2).text)],
        showTotalsInFooter: true,
      }),
    ),
  );
  const store = r.pick(['Lumen Goods', 'Harbor & Pine']);
  const handle = store.toLowerCase().replace(/[^a-z]+/g, '-');
  return page(seed, 'polaris', {
    platform: 'shopify',
    url: `https://admin.shopify.com/store/${handle}/lib${seed}/analytics`,
    lang: 'en',
    title: `Analytics · ${store} · Shopify`,
    header: `<header style="padding:8px 24px">${esc(store)} <span class="range">${esc(start)} – ${esc(end)}</span></header>`,
    css: css('@shopify/polaris/build/esm/styles.css'),
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'Polaris Cards (Total sales with a Tooltip, Sessions → visits, Orders, Conversion rate, Gross sales look-alike, change lines) and a DataTable of sales by channel whose Totals row is a decoy sum',
  });
}

// ---------------------------------------------------------------------------------------------------
// Element Plus: 拼多多-style statistics, descriptions, tabs, and a table with a summary row

async function elementPlus(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  // Element Plus's ES build imports @popperjs/core by names it only exports through CommonJS: load the CommonJS builds.
  const { createSSRApp, h: vh } = require('vue') as typeof import('vue');
  const { renderToString: vueRender } = require('@vue/server-renderer') as typeof import('@vue/server-renderer');
  const EP = require('element-plus') as typeof import('element-plus');
  const date = day(r);
  const visitors = r.int(1000, 50000);
  const buyers = r.int(50, 2000);
  const sales = fixed(r, 3000, 200000, 2);
  const cr = fixed(r, 0.5, 6, 2);
  const readings: TruthReading[] = [
    { metric: 'visitors', value: visitors },
    { metric: 'paidBuyers', value: buyers },
    { metric: 'sales', value: sales.value, currency: 'CNY' },
    { metric: 'conversionRate', value: shiftDecimal(cr.text, -2) },
  ];
  const app = createSSRApp({
    render: () =>
      vh('div', null, [
        vh('div', { class: 'date' }, [vh('span', null, '统计日期：'), vh('span', null, date)]),
        vh(EP.ElRow, { gutter: 16 }, () => [
          vh(EP.ElCol, { span: 6 }, () => vh(EP.ElStatistic, { title: '商品访客数', value: visitors })),
          vh(EP.ElCol, { span: 6 }, () => vh(EP.ElStatistic, { title: '成交买家数', value: buyers })),
          vh(EP.ElCol, { span: 6 }, () => vh(EP.ElStatistic, { title: '成交金额(元)', value: sales.value, precision: 2 })),
          vh(EP.ElCol, { span: 6 }, () =>
            vh(EP.ElStatistic, { title: '成交转化率', value: Number(cr.text), precision: 2, suffix: '%' }),
          ),
        ]),
        vh(EP.ElDescriptions, { title: '推广', column: 3, border: true }, () => [
          vh(EP.ElDescriptionsItem, { label: '推广花费' }, () => `¥${fixed(r, 100, 5000, 2).text}`),
          vh(EP.ElDescriptionsItem, { label: '曝光量' }, () => group(String(r.int(10000, 900000)), ',')),
        ]),
        vh(EP.ElTabs, { modelValue: 'all' }, () => [
          vh(EP.ElTabPane, { label: '全店', name: 'all' }, () => vh('p', null, '数据每日 9:00 更新')),
          vh(EP.ElTabPane, { label: '商品', name: 'goods' }, () =>
            vh(EP.ElStatistic, { title: '商品访客数', value: Math.round(visitors * 0.4) }),
          ),
        ]),
        vh(EP.ElTooltip, { content: '成交转化率 = 成交买家数 / 商品访客数' }, () => vh('span', null, '指标说明')),
      ]),
  });
  app.use(EP.default);
  app.provide(EP.ID_INJECTION_KEY, { prefix: seed, current: 0 });
  app.provide(EP.ZINDEX_INJECTION_KEY, { current: 0 });
  const body = await vueRender(app);
  const store = r.pick(['鲜果坊水果专营店', '木森数码专营店']);
  return page(seed, 'element-plus', {
    platform: 'pdd',
    url: `https://mms.pinduoduo.com/sycm/lib${seed}/stores_data/operation`,
    lang: 'zh-CN',
    title: '拼多多 商家后台',
    header: `<header style="padding:8px 24px">拼多多商家后台 <span class="mall-name">${esc(store)}</span></header>`,
    css: css('element-plus/dist/index.css'),
    body,
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes:
      'ElStatistic cards (成交金额(元) bare, % suffix), ElDescriptions (推广花费, 曝光量 look-alikes), ElTabs whose second pane holds an item-only 商品访客数, an ElTooltip (ElTable is left out: it renders its rows only in the browser)',
  });
}

// ---------------------------------------------------------------------------------------------------
// Material UI: GA4-style cards, tabs named like metrics, and a channel table

type Mui = typeof import('@mui/material');

/** An outlined card: the label over the value, as MUI's dashboards print them. */
const muiCard = (M: Mui, title: string, value: string) =>
  h(
    M.Card,
    { variant: 'outlined' },
    h(
      M.CardContent,
      null,
      h(M.Typography, { variant: 'subtitle2', color: 'text.secondary' }, title),
      h(M.Typography, { variant: 'h5' }, value),
    ),
  );

async function mui(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const M = await import('@mui/material');
  const end = day(r);
  const start = minus(end, 27);
  const users = r.int(1000, 90000);
  const sessions = users + r.int(100, 20000);
  const bounce = fixed(r, 20, 60, 1);
  const engagement = fixed(r, 40, 80, 1);
  const views = sessions * 3 + r.int(0, 999);
  const readings: TruthReading[] = [
    { metric: 'visitors', value: users },
    { metric: 'visits', value: sessions },
    { metric: 'bounceRate', value: shiftDecimal(bounce.text, -2) },
    { metric: 'pageViews', value: views },
  ];
  const short = (n: number) => (n >= 10000 ? `${(n / 1000).toFixed(1)}K` : group(String(n), ','));
  // A "K" figure is what the card prints: its truth is the printed figure.
  readings[0]!.value = users >= 10000 ? shiftDecimal((users / 1000).toFixed(1), 3) : users;
  const card = (title: string, value: string) => muiCard(M, title, value);
  const channels = ['Organic Search', 'Direct', 'Referral'].map((c) => {
    const s = r.int(50, sessions / 3);
    readings.push({ metric: 'visits', value: s, breakdown: { dimension: 'Session default channel group', key: c } });
    return [c, s] as const;
  });
  const tree = h(
    M.Box,
    null,
    h(M.Typography, { variant: 'body2' }, `${start} - ${end}`),
    h(
      M.Stack,
      { direction: 'row', spacing: 2 },
      card('Active users', short(users)),
      card('Sessions', group(String(sessions), ',')),
      card('Bounce rate', `${bounce.text}%`),
      card('Engagement rate', `${engagement.text}%`),
      card('Views', group(String(views), ',')),
    ),
    h(M.Tabs, { value: 0 }, h(M.Tab, { label: 'Sessions' }), h(M.Tab, { label: 'Users' })),
    h(
      M.Table,
      { size: 'small' },
      h(
        M.TableHead,
        null,
        h(
          M.TableRow,
          null,
          h(M.TableCell, null, 'Session default channel group'),
          h(M.TableCell, { align: 'right' }, 'Sessions'),
        ),
      ),
      h(
        M.TableBody,
        null,
        ...channels.map(([c, s]) =>
          h(M.TableRow, { key: c }, h(M.TableCell, null, c), h(M.TableCell, { align: 'right' }, group(String(s), ','))),
        ),
      ),
    ),
  );
  const store = r.pick(['Northwind Outfitters Shop', 'Copper Kettle Shop']);
  return page(seed, 'mui', {
    platform: 'ga4',
    url: `https://analytics.google.com/analytics/web/lib${seed}/#/p${200000000 + seed}/reports/intelligenthome`,
    lang: 'en',
    title: 'Reports snapshot – Analytics',
    header: `<header style="padding:8px 24px">Analytics <span class="property">${esc(store)}</span></header>`,
    css: '',
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'MUI Cards (Active users in K when ≥ 10 000, Sessions, Bounce rate, Engagement rate look-alike, Views), Tabs, a channel Table',
  });
}

// ---------------------------------------------------------------------------------------------------
// Alibaba Fusion Next: 生意参谋-style cards, a DatePicker holding the date, tabs rendered with every pane, a Balloon tooltip

async function fusion(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  // Fusion Next ships CommonJS with moment as its date library.
  const { Card, Table, Tab, Balloon, DatePicker, ConfigProvider } = require('@alifd/next');
  const moment = require('moment');
  const date = day(r);
  const visitors = r.int(1500, 80000);
  const bounce = fixed(r, 40, 85, 2);
  const sales = fixed(r, 3000, 400000, 2);
  const buyers = r.int(30, 3000);
  const duration = fixed(r, 10, 200, 2);
  const readings: TruthReading[] = [
    { metric: 'visitors', value: visitors },
    { metric: 'bounceRate', value: shiftDecimal(bounce.text, -2) },
    { metric: 'sales', value: sales.value, currency: 'CNY' },
    { metric: 'paidBuyers', value: buyers },
    { metric: 'avgVisitDuration', value: duration.value },
  ];
  const kpi = (title: ReactNode, value: ReactNode, extra?: ReactNode) =>
    h(
      Card,
      { free: true, style: { width: 200, display: 'inline-block', margin: 8 } },
      h(Card.Header, { title }),
      h(Card.Content, null, value, extra ?? null),
    );
  const change = () =>
    h('div', { className: 'cmp' }, '较前一日 ', h('span', null, `${r.pick(['+', '-'])}${fixed(r, 0.1, 30, 2).text}%`));
  const items = ['北欧实木餐桌', '纯棉四件套', '香薰蜡烛礼盒'].map((name) => {
    const v = r.int(50, 4000);
    readings.push({ metric: 'visitors', value: v, breakdown: { dimension: '商品名称', key: name } });
    return { name, visitors: group(String(v), ','), cart: r.int(1, 300) };
  });
  const tree = h(
    ConfigProvider,
    null,
    h(
      'div',
      null,
      h(
        'div',
        { className: 'date-bar' },
        h(DatePicker, { value: moment(date, 'YYYY-MM-DD'), format: 'YYYY-MM-DD', hasClear: false }),
      ),
      h(
        Tab,
        { lazyLoad: false },
        h(
          Tab.Item,
          { title: '全部终端', key: 'all' },
          kpi(
            h(Balloon.Tooltip, { trigger: h('span', null, '访客数'), align: 't' }, '统计时间内访问店铺的去重人数'),
            group(String(visitors), ','),
            change(),
          ),
          kpi('跳失率', h('span', null, h('span', null, bounce.text), h('span', { className: 'unit' }, '%')), change()),
          kpi(
            '支付金额',
            h(
              'span',
              null,
              h('small', null, '¥'),
              group(sales.text.split('.')[0]!, ','),
              h('small', null, `.${sales.text.split('.')[1]}`),
            ),
          ),
          kpi('支付买家数', String(buyers)),
          kpi('平均停留时长(秒)', duration.text),
          kpi('加购人数', String(r.int(100, 5000))),
        ),
        h(Tab.Item, { title: '无线端', key: 'wireless' }, kpi('访客数', group(String(Math.round(visitors * 0.7)), ','))),
      ),
      h(
        Table,
        { dataSource: items, hasBorder: false },
        h(Table.Column, { title: '商品名称', dataIndex: 'name' }),
        h(Table.Column, { title: '访客数', dataIndex: 'visitors' }),
        h(Table.Column, { title: '加购人数', dataIndex: 'cart' }),
      ),
    ),
  );
  const store = r.pick(['青禾家居旗舰店', '拾光饰品店', '禾田生鲜专营店']);
  return page(seed, 'fusion', {
    platform: 'sycm',
    url: `https://sycm.taobao.com/portal/lib${seed}/home.htm`,
    lang: 'zh-CN',
    title: '生意参谋',
    header: `<header style="padding:8px 24px">生意参谋 <span>${esc(store)}:运营小李</span></header>`,
    css: css('@alifd/next/dist/next.min.css'),
    body: renderToString(tree),
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes:
      'Fusion Cards (a Balloon.Tooltip label, 72.31 + % in two spans, ¥ and decimals in <small>, 平均停留时长(秒) bare), 较前一日 lines, the 加购人数 look-alike, a Tab whose hidden 无线端 pane is rendered (lazyLoad false), the date only in a DatePicker input, an item Table',
  });
}

// ---------------------------------------------------------------------------------------------------
// The ads back offices: Ant Design for a 阿里妈妈 万相台 account report, Material UI for a Google Ads
// overview. Their 成交金额 / Conv. value are the ads' own, and a plan's or campaign's numbers are parts.

async function antdAds(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Card, Col, Row, Statistic, Table, Tooltip, ConfigProvider } = await import('antd');
  const { createCache, extractStyle, StyleProvider } = await import('@ant-design/cssinjs');
  const cache = createCache();
  const date = day(r);
  const spend = fixed(r, 300, 20000, 2);
  const roi = fixed(r, 0.8, 6, 2);
  const adSales = shiftDecimal((spend.value * roi.value).toFixed(2), 0);
  const clicks = r.int(500, 30000);
  const ctr = fixed(r, 0.8, 6, 2);
  const store = r.pick(['鹿野家居旗舰店', '云朵母婴旗舰店', '南风户外专营店']);
  const readings: TruthReading[] = [
    { metric: 'adSpend', value: spend.value, currency: 'CNY' },
    { metric: 'adSales', value: adSales, currency: 'CNY' },
    { metric: 'adRoas', value: roi.value },
    { metric: 'adClicks', value: clicks },
    { metric: 'adCtr', value: shiftDecimal(ctr.text, -2) },
  ];
  const stat = (title: ReactNode, props: Record<string, unknown>) =>
    h(Col, { span: 6 }, h(Card, { size: 'small' }, h(Statistic, { title, ...props })));
  const plans = ['关键词推广-主推款', '人群推广-拉新', '货品加速-新品'].slice(0, r.int(2, 3)).map((key, i) => {
    const s = fixed(r, 50, Math.max(60, spend.value / 2), 2);
    const c = r.int(20, Math.max(30, Math.floor(clicks / 2)));
    readings.push({ metric: 'adSpend', value: s.value, currency: 'CNY', breakdown: { dimension: '计划名称', key } });
    readings.push({ metric: 'adClicks', value: c, breakdown: { dimension: '计划名称', key } });
    return { key: i, plan: key, spend: s.text, clicks: group(String(c), ',') };
  });
  const tree = h(
    StyleProvider,
    { cache },
    h(
      ConfigProvider,
      {},
      h('div', { className: 'toolbar' }, h('span', null, '数据时间 '), h('span', null, `${date} ~ ${date}`)),
      h(
        Row,
        { gutter: [16, 16] },
        stat(h(Tooltip, { title: '统计周期内推广消耗的金额' }, h('span', null, '花费')), {
          value: spend.value,
          precision: 2,
          prefix: '¥',
        }),
        stat('总成交金额(元)', { value: adSales, precision: 2 }),
        stat('投入产出比', { value: roi.value, precision: 2 }),
        stat('点击量', { value: clicks }),
        stat('点击率', { value: Number(ctr.text), precision: 2, suffix: '%' }),
        stat('总成交笔数', { value: r.int(5, 400) }),
        stat('直接成交金额(元)', { value: shiftDecimal((adSales * 0.7).toFixed(2), 0), precision: 2 }),
      ),
      h(Table, {
        size: 'small',
        pagination: false,
        dataSource: plans,
        columns: [
          { title: '计划名称', dataIndex: 'plan' },
          { title: '花费(元)', dataIndex: 'spend' },
          { title: '点击量', dataIndex: 'clicks' },
        ],
      }),
    ),
  );
  return page(seed, 'antd-ads', {
    platform: 'alimama',
    url: `https://one.alimama.com/lib${seed}/report/account.html`,
    lang: 'zh-CN',
    title: '万相台无界版',
    header: `<header style="padding:8px 24px">阿里妈妈 万相台 <span>账户：</span><b>${esc(store)}</b></header>`,
    css: extractStyle(cache),
    body: renderToString(tree),
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes:
      'antd Statistic cards (¥ prefix, precision, a Tooltip label), 总成交笔数 and 直接成交金额 look-alikes, a plan Table whose rows are parts',
  });
}

async function muiAds(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const M = await import('@mui/material');
  const end = day(r);
  const start = minus(end, 6);
  const cost = fixed(r, 100, 9000, 2);
  const clicks = r.int(200, 20000);
  const cpc = shiftDecimal((cost.value / clicks).toFixed(2), 0);
  const ctr = fixed(r, 1, 9, 2);
  const conv = fixed(r, 0.5, 8, 2);
  const readings: TruthReading[] = [
    { metric: 'adSpend', value: cost.value, currency: 'USD' },
    { metric: 'adClicks', value: clicks },
    { metric: 'adCpc', value: cpc, currency: 'USD' },
    { metric: 'adCtr', value: shiftDecimal(ctr.text, -2) },
    { metric: 'adConversionRate', value: shiftDecimal(conv.text, -2) },
  ];
  const card = (title: string, value: string) => muiCard(M, title, value);
  const campaigns = ['Search - Bedside tables', 'Performance Max - Shelves'].map((c) => {
    const v = fixed(r, 10, cost.value / 2, 2);
    readings.push({ metric: 'adSpend', value: v.value, currency: 'USD', breakdown: { dimension: 'Campaign', key: c } });
    return [c, v.text] as const;
  });
  const tree = h(
    M.Box,
    null,
    h(M.Typography, { variant: 'body2' }, `${start} - ${end}`),
    h(
      M.Stack,
      { direction: 'row', spacing: 2 },
      card('Cost', `US$${group(cost.text, ',')}`),
      card('Clicks', group(String(clicks), ',')),
      card('Avg. CPC', `US$${cpc.toFixed(2)}`),
      card('CTR', `${ctr.text}%`),
      card('Conv. rate', `${conv.text}%`),
      card('Conversions', `${r.int(5, 900)}.00`),
    ),
    h(
      M.Table,
      { size: 'small' },
      h(M.TableHead, null, h(M.TableRow, null, h(M.TableCell, null, 'Campaign'), h(M.TableCell, { align: 'right' }, 'Cost'))),
      h(
        M.TableBody,
        null,
        ...campaigns.map(([c, v]) =>
          h(M.TableRow, { key: c }, h(M.TableCell, null, c), h(M.TableCell, { align: 'right' }, `US$${group(v, ',')}`)),
        ),
      ),
    ),
  );
  const store = r.pick(['Northwind Outfitters Shop', 'Copper Kettle Shop']);
  return page(seed, 'mui-ads', {
    platform: 'google-ads',
    url: `https://ads.google.com/aw/lib${seed}/overview`,
    lang: 'en',
    title: `Overview - ${store} - Google Ads`,
    header: `<header style="padding:8px 24px">Google Ads <span>${esc(store)}</span><span>${r.int(100, 999)}-${r.int(100, 999)}-${r.int(1000, 9999)}</span></header>`,
    css: '',
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'Material UI cards and table: US$ money, a Conversions look-alike, campaign rows as parts, the customer named beside its ID',
  });
}

/** An ads account's day or range: spend, ROI, what the ads sold, impressions, clicks and CTR, with their truth. */
function adAccount(r: Rng) {
  const spend = fixed(r, 300, 20000, 2);
  const roi = fixed(r, 0.8, 6, 2);
  const adSales = shiftDecimal((spend.value * roi.value).toFixed(2), 0);
  const shows = r.int(20000, 900000);
  const clicks = r.int(500, 30000);
  const ctr = fixed(r, 0.5, 6, 2);
  const readings: TruthReading[] = [
    { metric: 'adSpend', value: spend.value, currency: 'CNY' },
    { metric: 'adSales', value: adSales, currency: 'CNY' },
    { metric: 'adRoas', value: roi.value },
    { metric: 'adImpressions', value: shows },
    { metric: 'adClicks', value: clicks },
    { metric: 'adCtr', value: shiftDecimal(ctr.text, -2) },
  ];
  return { spend, roi, adSales, shows, clicks, ctr, readings };
}

/** 巨量千川 in ByteDance's Arco: Statistic cards of a day's account overview, a plan Table. */
async function arcoAds(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Card, Grid, Statistic, Table } = await import('@arco-design/web-react');
  const date = day(r);
  const { spend, roi, adSales, shows, clicks, ctr, readings } = adAccount(r);
  const cvr = fixed(r, 0.5, 8, 2);
  const cpc = fixed(r, 0.1, 3, 2);
  const store = r.pick(['鹿野家居抖音旗舰店', '云朵母婴抖音旗舰店', '南风户外抖音专营店']);
  readings.push(
    { metric: 'adConversionRate', value: shiftDecimal(cvr.text, -2) },
    { metric: 'adCpc', value: cpc.value, currency: 'CNY' },
  );
  const stat = (title: string, props: Record<string, unknown>) =>
    h(Grid.Col, { span: 6 }, h(Card, { bordered: true }, h(Statistic, { title, groupSeparator: true, ...props })));
  const plans = ['直播间-全域推广-主推款', '商品卡-拉新', '短视频-测款'].slice(0, r.int(2, 3)).map((key) => {
    const s = fixed(r, 50, Math.max(60, spend.value / 2), 2);
    readings.push({ metric: 'adSpend', value: s.value, currency: 'CNY', breakdown: { dimension: '计划名称', key } });
    return { key, plan: key, spend: groupDecimal(s.text) };
  });
  const tree = h(
    'div',
    null,
    h('div', { className: 'qc-date' }, h('span', null, '数据日期 '), h('span', null, date)),
    h(
      Grid.Row,
      { gutter: 12 },
      stat('消耗(元)', { value: spend.value, precision: 2 }),
      stat('成交金额(元)', { value: adSales, precision: 2 }),
      stat('支付ROI', { value: roi.value, precision: 2 }),
      stat('展示次数', { value: shows }),
      stat('点击次数', { value: clicks }),
      stat('点击率', { value: Number(ctr.text), precision: 2, suffix: '%' }),
      stat('转化率', { value: Number(cvr.text), precision: 2, suffix: '%' }),
      stat('平均点击单价(元)', { value: cpc.value, precision: 2 }),
      stat('转化数', { value: r.int(5, 900) }),
      stat('成交订单数', { value: r.int(5, 900) }),
    ),
    h(Table, {
      pagination: false,
      data: plans,
      columns: [
        { title: '计划名称', dataIndex: 'plan' },
        { title: '消耗(元)', dataIndex: 'spend' },
      ],
    }),
  );
  return page(seed, 'arco-ads', {
    platform: 'qianchuan',
    url: `https://qianchuan.jinritemai.com/lib${seed}/promotion-v2/standard`,
    lang: 'zh-CN',
    title: '巨量千川 - 数据概览',
    header: `<header style="padding:8px 24px">巨量千川 <span>账户名称：</span><span>${esc(store)}</span> <span>ID ${r.int(1000000, 9999999)}</span></header>`,
    css: css('@arco-design/web-react/dist/css/arco.min.css'),
    body: renderToString(tree),
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes:
      'Arco Statistic cards (group separators, % suffix, (元) units), 转化数 and 成交订单数 look-alikes, a plan Table whose rows are parts',
  });
}

/** 京准通 in Ant Design: Descriptions of the account's report over a range, a keyword Table with its 合计 row. */
async function antdJzt(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Descriptions, Table, ConfigProvider } = await import('antd');
  const { createCache, extractStyle, StyleProvider } = await import('@ant-design/cssinjs');
  const cache = createCache();
  const end = day(r);
  const start = minus(end, 6);
  const { spend, roi, adSales, shows, clicks, ctr, readings } = adAccount(r);
  const store = r.pick(['鹿野家居京东旗舰店', '云朵母婴京东自营店', '南风户外京东专营店']);
  const money = (t: string) => `¥${groupDecimal(t)}`;
  const words = ['实木床头柜', '北欧书架', '卧室收纳柜'].slice(0, r.int(2, 3));
  const rows = words.map((key, i) => {
    const s = fixed(r, 20, Math.max(30, spend.value / 3), 2);
    readings.push({ metric: 'adSpend', value: s.value, currency: 'CNY', breakdown: { dimension: '关键词', key } });
    return { key: i, word: key, spend: groupDecimal(s.text) };
  });
  const tree = h(
    StyleProvider,
    { cache },
    h(
      ConfigProvider,
      {},
      h('div', { className: 'range' }, `时间： ${start} 至 ${end}`),
      h(Descriptions, {
        column: 4,
        items: [
          { key: 'a', label: '花费', children: money(spend.text) },
          { key: 'b', label: '展现数', children: group(String(shows), ',') },
          { key: 'c', label: '点击数', children: group(String(clicks), ',') },
          { key: 'd', label: '点击率', children: `${ctr.text}%` },
          { key: 'e', label: '总订单金额', children: money(adSales.toFixed(2)) },
          { key: 'f', label: 'ROI', children: roi.text },
          { key: 'g', label: '总订单行', children: String(r.int(5, 400)) },
          { key: 'h', label: '总加购数', children: String(r.int(5, 900)) },
        ],
      }),
      h(Table, {
        size: 'small',
        pagination: false,
        dataSource: rows,
        columns: [
          { title: '关键词', dataIndex: 'word' },
          { title: '花费', dataIndex: 'spend' },
        ],
      }),
    ),
  );
  return page(seed, 'antd-jzt', {
    platform: 'jzt',
    url: `https://jzt.jd.com/lib${seed}/kuaiche/report`,
    lang: 'zh-CN',
    title: '京准通 - 京东快车 - 数据报表',
    header: `<header style="padding:8px 24px">京准通 · 京东快车 <span>账户：${esc(store)}</span></header>`,
    css: extractStyle(cache),
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'antd Descriptions (label and value spans, a colon between), 总订单行 and 总加购数 look-alikes, a keyword Table whose rows are parts',
  });
}

/**
 * 阿里妈妈 in Ant Design's bordered Descriptions: each label a th, each value the td after it, two pairs a
 * row; a look-alike, a placeholder, a change Tag inside a value cell, and a vertical bordered block whose
 * label row stands over its value row.
 */
async function antdBordered(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const { Descriptions, Tag, ConfigProvider } = await import('antd');
  const { createCache, extractStyle, StyleProvider } = await import('@ant-design/cssinjs');
  const cache = createCache();
  const date = day(r);
  const { spend, roi, adSales, shows, clicks, ctr, readings } = adAccount(r);
  const cpc = fixed(r, 0.3, 4, 2);
  const store = r.pick(['青禾家居旗舰店', '拾光饰品店', '小满童装旗舰店']);
  const money = (t: string) => `¥${groupDecimal(t)}`;
  const change = () =>
    h(Tag, { color: r.chance(0.5) ? 'green' : 'red' }, `较前一日 ${r.pick(['+', '-'])}${fixed(r, 0.1, 30, 1).text}%`);
  // Placed by the seed: a value cell with its change Tag beside the number, and a placeholder.
  const items = r.shuffle([
    { key: 'spend', label: '花费', children: [money(spend.text), ' ', change()] },
    { key: 'sales', label: '总成交金额', children: money(adSales.toFixed(2)) },
    { key: 'roi', label: '投入产出比', children: roi.text },
    { key: 'shows', label: '展现量', children: group(String(shows), ',') },
    { key: 'clicks', label: '点击量', children: [group(String(clicks), ','), ' ', change()] },
    { key: 'ctr', label: '点击率', children: `${ctr.text}%` },
    { key: 'orders', label: '总成交笔数', children: String(r.int(5, 900)) },
    { key: 'cvr', label: '点击转化率', children: '--' },
  ]);
  const vertical = r.chance(0.5);
  if (vertical) readings.push({ metric: 'adCpc', value: cpc.value, currency: 'CNY' });
  const tree = h(
    StyleProvider,
    { cache },
    h(
      ConfigProvider,
      {},
      h('div', { className: 'range' }, `数据日期：${date}`),
      h(Descriptions, { title: '账户整体', bordered: true, column: 2, items }),
      vertical
        ? h(Descriptions, {
            title: '点击',
            bordered: true,
            layout: 'vertical',
            items: [
              { key: 'cpc', label: '平均点击花费', children: money(cpc.text) },
              { key: 'cpm', label: '千次展现成本', children: money(fixed(r, 5, 80, 2).text) },
            ],
          })
        : null,
    ),
  );
  return page(seed, 'antd-bordered', {
    platform: 'alimama',
    url: `https://one.alimama.com/lib${seed}/report/bordered.html`,
    lang: 'zh-CN',
    title: '万相台无界版',
    header: `<header style="padding:8px 24px">阿里妈妈 万相台 <span>账户：</span><b>${esc(store)}</b></header>`,
    css: extractStyle(cache),
    body: renderToString(tree),
    store,
    period: { kind: 'day', start: date, end: date },
    readings,
    notes: `antd bordered Descriptions (th label, td value, two pairs a row; 总成交笔数 look-alike, 点击转化率 "--", 较前一日 Tags in value cells)${vertical ? '; a vertical bordered Descriptions (平均点击花费, 千次展现成本 look-alike)' : ''}`,
  });
}

/** Shopee Ads in Material UI: the Seller Centre's ads performance cards over 7 days, an ads list. */
async function muiShopeeAds(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const M = await import('@mui/material');
  const end = day(r);
  const start = minus(end, 6);
  const dmy = (d: string) => d.split('-').reverse().join('-');
  const expense = fixed(r, 50, 3000, 2);
  const roas = fixed(r, 0.8, 9, 2);
  const gmv = shiftDecimal((expense.value * roas.value).toFixed(2), 0);
  const impressions = r.int(5000, 300000);
  const clicks = r.int(100, 9000);
  const ctr = fixed(r, 0.5, 6, 2);
  const store = r.pick(['Lumen Home Store', 'Cloudlet Baby Store', 'Southwind Outdoor Store']);
  const readings: TruthReading[] = [
    { metric: 'adSpend', value: expense.value, currency: 'SGD' },
    { metric: 'adSales', value: gmv, currency: 'SGD' },
    { metric: 'adRoas', value: roas.value },
    { metric: 'adImpressions', value: impressions },
    { metric: 'adClicks', value: clicks },
    { metric: 'adCtr', value: shiftDecimal(ctr.text, -2) },
  ];
  const card = (title: string, value: string) => muiCard(M, title, value);
  const ads = ['Oak Bedside Table - Search Ads', 'Shelf Set - Discovery Ads'].map((c) => {
    const v = fixed(r, 5, expense.value / 2, 2);
    readings.push({ metric: 'adSpend', value: v.value, currency: 'SGD', breakdown: { dimension: 'Ad Name', key: c } });
    return [c, v.text] as const;
  });
  const tree = h(
    M.Box,
    null,
    h(M.Typography, { variant: 'body2' }, `Past 7 Days ${dmy(start)} - ${dmy(end)}`),
    h(
      M.Stack,
      { direction: 'row', spacing: 2 },
      card('Expense', `S$${group(expense.text, ',')}`),
      card('GMV', `S$${group(gmv.toFixed(2), ',')}`),
      card('ROAS', roas.text),
      card('Impressions', group(String(impressions), ',')),
      card('Clicks', group(String(clicks), ',')),
      card('CTR', `${ctr.text}%`),
      card('Conversions', String(r.int(5, 400))),
      card('Items Sold', String(r.int(5, 500))),
    ),
    h(
      M.Table,
      { size: 'small' },
      h(M.TableHead, null, h(M.TableRow, null, h(M.TableCell, null, 'Ad Name'), h(M.TableCell, { align: 'right' }, 'Expense'))),
      h(
        M.TableBody,
        null,
        ...ads.map(([c, v]) =>
          h(M.TableRow, { key: c }, h(M.TableCell, null, c), h(M.TableCell, { align: 'right' }, `S$${group(v, ',')}`)),
        ),
      ),
    ),
  );
  return page(seed, 'mui-shopee-ads', {
    platform: 'shopee-ads',
    url: `https://seller.shopee.sg/portal/marketing/pas/lib${seed}/index`,
    lang: 'en',
    title: 'Shopee Ads | Shopee Seller Centre',
    header: `<header style="padding:8px 24px">Shopee Seller Centre <span class="sc-shop">${esc(store)}</span></header>`,
    css: '',
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes: 'Material UI cards and table: S$ money, day-month-year dates, Conversions and Items Sold look-alikes, ads as parts',
  });
}

/** Amazon Ads' campaign manager in Material UI: summary cards over a range, a campaign table. */
async function muiAmazonAds(seed: number): Promise<GeneratedPage> {
  const r = rng(seed);
  const M = await import('@mui/material');
  const end = day(r);
  const start = minus(end, 6);
  const spend = fixed(r, 100, 9000, 2);
  const roas = fixed(r, 1.2, 8, 2);
  const sales = shiftDecimal((spend.value * roas.value).toFixed(2), 0);
  const acos = fixed(r, 8, 60, 2);
  const clicks = r.int(200, 20000);
  const cpc = fixed(r, 0.2, 3, 2);
  const store = r.pick(['Lumen Goods', 'Copper Kettle Co', 'Northwind Outfitters']);
  const readings: TruthReading[] = [
    { metric: 'adSpend', value: spend.value, currency: 'USD' },
    { metric: 'adSales', value: sales, currency: 'USD' },
    { metric: 'adRoas', value: roas.value },
    { metric: 'adAcos', value: shiftDecimal(acos.text, -2) },
    { metric: 'adClicks', value: clicks },
    { metric: 'adCpc', value: cpc.value, currency: 'USD' },
  ];
  const card = (title: string, value: string) => muiCard(M, title, value);
  const campaigns = ['SP - Bedside Tables - Exact', 'SB - Brand'].map((c) => {
    const v = fixed(r, 10, spend.value / 2, 2);
    readings.push({ metric: 'adSpend', value: v.value, currency: 'USD', breakdown: { dimension: 'Campaigns', key: c } });
    return [c, v.text] as const;
  });
  const tree = h(
    M.Box,
    null,
    h(M.Typography, { variant: 'body2' }, `${start} - ${end}`),
    h(
      M.Stack,
      { direction: 'row', spacing: 2 },
      card('Spend', `$${group(spend.text, ',')}`),
      card('Sales', `$${group(sales.toFixed(2), ',')}`),
      card('ACOS', `${acos.text}%`),
      card('ROAS', roas.text),
      card('Clicks', group(String(clicks), ',')),
      card('CPC', `$${cpc.text}`),
      card('Orders', String(r.int(5, 900))),
      card('Units', String(r.int(5, 900))),
    ),
    h(
      M.Table,
      { size: 'small' },
      h(M.TableHead, null, h(M.TableRow, null, h(M.TableCell, null, 'Campaigns'), h(M.TableCell, { align: 'right' }, 'Spend'))),
      h(
        M.TableBody,
        null,
        ...campaigns.map(([c, v]) =>
          h(M.TableRow, { key: c }, h(M.TableCell, null, c), h(M.TableCell, { align: 'right' }, `$${group(v, ',')}`)),
        ),
      ),
    ),
  );
  return page(seed, 'mui-amazon-ads', {
    platform: 'amazon-ads',
    url: `https://advertising.amazon.com/lib${seed}/cm/campaigns`,
    lang: 'en',
    title: 'Campaign manager - Amazon Ads',
    header: `<header style="padding:8px 24px">amazon ads <span>${esc(store)} | United States</span></header>`,
    css: '',
    body: renderToString(tree),
    store,
    period: { kind: 'range', start, end },
    readings,
    notes:
      'Material UI cards and table: $ money in US dollars, ACOS and ROAS as printed, Orders and Units look-alikes, campaigns as parts',
  });
}

export const LIBRARIES: Readonly<Record<string, (seed: number) => Promise<GeneratedPage>>> = {
  antd,
  fusion,
  arco,
  polaris,
  'element-plus': elementPlus,
  mui,
  'antd-ads': antdAds,
  'mui-ads': muiAds,
  'arco-ads': arcoAds,
  'antd-jzt': antdJzt,
  'antd-bordered': antdBordered,
  'mui-shopee-ads': muiShopeeAds,
  'mui-amazon-ads': muiAmazonAds,
};

/** The library pages of one run: `perLibrary` seeds for each design system. */
export async function libraryPages(perLibrary: number, base = 7): Promise<GeneratedPage[]> {
  const out: GeneratedPage[] = [];
  for (const [name, render] of Object.entries(LIBRARIES)) {
    for (let i = 0; i < perLibrary; i++) {
      try {
        out.push(await render(base + i * 101));
      } catch (error) {
        throw new Error(`${name} page (seed ${base + i * 101}) did not render: ${String(error)}`);
      }
    }
  }
  return out;
}

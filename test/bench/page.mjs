// A synthetic back-office page of about `elements` elements: a header and a row of metric cards like
// 生意参谋's, then either a realistic body (navigation and a long item table whose column headers
// are metric labels) or, with `adversarial`, blocks where a third of all short texts are metric words
// sitting beside numbers — the worst case for the reader. Deterministic for a given size.

export function syntheticPage(elements, { adversarial = false } = {}) {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = [
    '流量',
    '转化',
    '商品',
    '访客',
    '订单',
    '库存',
    '推广',
    '直通车',
    '手淘搜索',
    '内容',
    '客服',
    '退款',
    'Sessions',
    'Views',
    'Orders',
  ];
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const parts = [
    '<header><span>生意参谋</span><span>小雨的旗舰店</span></header>',
    '<div><span>统计时间</span><span>2026-11-25</span></div>',
    '<section class="cards">',
  ];
  const cards = [
    ['访客数', '3,482'],
    ['浏览量', '7,312'],
    ['跳失率', '72.31<span>%</span>'],
    ['人均浏览量', '2.10'],
    ['支付转化率', '2.87%'],
    ['客单价', '¥123.46'],
    ['支付金额', '12,345.67'],
    ['支付买家数', '100'],
  ];
  for (const [label, value] of cards) {
    parts.push(
      `<div class="c_${Math.floor(rand() * 1e6).toString(36)}"><div><span>${label}</span></div><div class="v">${value}</div><div>较前一日 <span>+${(rand() * 9).toFixed(2)}%</span></div></div>`,
    );
  }
  parts.push('</section>');
  let count = 40;
  if (!adversarial) {
    // A realistic large back-office page: a sidebar, a long item table with one header row, and
    // some notes. Metric words appear where they do on real pages: in cards and in column headers.
    parts.push('<nav>' + words.map((w) => `<a href="#"><span>${w}</span></a>`).join('') + '</nav>');
    parts.push(
      '<table><thead><tr><th>商品名称</th><th>访客数</th><th>浏览量</th><th>支付转化率</th><th>支付金额</th><th>操作</th></tr></thead><tbody>',
    );
    count += 40;
    while (count < elements) {
      if (rand() < 0.95) {
        parts.push(
          `<tr><td><div><img alt=""><span>${pick(words)}${pick(words)}新款 ${Math.floor(rand() * 1e6)}</span></div></td>` +
            `<td><span>${Math.floor(rand() * 9999).toLocaleString('en-US')}</span></td><td>${Math.floor(rand() * 99999)}</td>` +
            `<td>${(rand() * 10).toFixed(2)}%</td><td>¥${(rand() * 9999).toFixed(2)}</td><td><a href="#">详情</a></td></tr>`,
        );
        count += 10;
      } else {
        parts.push(
          `<tr><td colspan="6"><p>${pick(words)}的数据说明：较前一日变化 ${(rand() * 10).toFixed(1)}%，请关注${pick(words)}。</p></td></tr>`,
        );
        count += 4;
      }
    }
    parts.push('</tbody></table>');
    return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${parts.join('')}</body></html>`;
  }
  while (count < elements) {
    const kind = rand();
    if (kind < 0.5) {
      // nested layout with a short text and a number: 6 elements
      parts.push(
        `<div><div><span>${pick(words)}</span><div><b>${Math.floor(rand() * 99999).toLocaleString('en-US')}</b><i>${(rand() * 100).toFixed(2)}%</i></div></div></div>`,
      );
      count += 6;
    } else if (kind < 0.8) {
      // a table row of numbers: 6 elements
      parts.push(
        `<table><tr><td>${pick(words)}</td><td>${Math.floor(rand() * 9999)}</td><td>${(rand() * 100).toFixed(2)}%</td><td>¥${(rand() * 999).toFixed(2)}</td><td>${pick(words)}</td></tr></table>`,
      );
      count += 7;
    } else {
      parts.push(
        `<p>${pick(words)}的${pick(words)}数据说明：较前一日变化 ${(rand() * 10).toFixed(1)}%，请关注${pick(words)}。</p>`,
      );
      count += 1;
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${parts.join('')}</body></html>`;
}

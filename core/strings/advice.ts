import type { Strings } from '../i18n';

/**
 * What the popup advises from what StorePulse read: the source or item worst against the shop, the
 * review's default alerts (a target missed, a factor down against its same-weekday baseline), the
 * factors of a change in money, and who does what today. English is the reference; the Chinese tables
 * must have every key (a missing one does not compile).
 */

const en = {
  advice_partItem: 'item “{name}”',
  advice_bounceRate: '{part} bounce rate {value} (shop {shop}) → fix the {part} landing page first',
  advice_pagesPerVisit: '{part} pages per visit {value} (shop {shop}) → add related items to the {part} landing page first',
  advice_conversionRate: '{part} conversion {value} (shop {shop}) → check the {part} detail page, price and reviews first',
  ra_targetMiss: 'Sales below the daily target {days} days in a row ({range}): {sales} against {target} yesterday',
  ra_factorDrop: '{factor} {change} against the median of the same weekday over the last 4 weeks, {days} days in a row ({range})',
  ra_source: 'Fell most: {source}, {current} visitors against {baseline} ({change})',
  money_down: '{factor} down {change}: about {amount} less in sales',
  money_up: '{factor} up {change}: about {amount} more in sales',
  stale_lastRead:
    'The last closed day read is {date}, {days} days ago: open the {site} home page that shows yesterday to bring it up to date.',
  status_unreadable:
    'The {site} page showed {count} numbers in a scrambling font, which StorePulse does not decode, so no sales were stored. Download yesterday’s data sheet in the back office and import it in Settings.',
  firstRun_gives:
    'StorePulse gives you an alert beside a bad number with who fixes it, a morning review of yesterday against your daily target, and a daily report to paste into the team chat. Have this month’s sales target ready: you set it on the shop’s review card as soon as its first day is read.',
  shops_yesterday: 'Yesterday {sales}',
  shops_completion: '{percent} of target',
  shops_pending: '{count} open',
  owners_title: 'Who does what today',
  advice_steps: 'Steps',
  advice_colMoney: 'In sales',
  advice_lineTarget: 'Daily target',
  advice_lineBaseline: '4-week weekday median',
  owner_lead: 'lead',
  owner_help: 'helps',
  task_bounce_design: 'Rework the first screen of the worst landing page: main image, price and offer clear at a glance.',
  task_bounce_promotion: 'Hold extra budget on the source that bounces most until its page passes.',
  task_depth_design: 'Add related items and collections to the item pages with the most visitors.',
  task_depth_operations: 'Link the best sellers to the store home and to each other.',
  task_conversion_design: 'Rework the detail page of the item with the most visitors: images, selling points, reviews.',
  task_conversion_service: 'Check inquiry conversion and reply speed; follow up unpaid orders.',
  task_conversion_operations: 'Compare price and stock of the top items with two peers.',
  task_visitors_promotion: 'Restore the keywords or budget of the source that fell; check the cost per visitor.',
  task_visitors_operations: 'Check whether a campaign or placement ended on those days.',
  task_aov_merchandising: 'Set a bundle or a spend-more offer just above the current order value.',
  task_aov_service: 'Suggest add-on items in every chat before the order is paid.',
  task_target_operations: 'Find which of visitors, conversion and order value fell, and hand it to its owner.',
  task_target_promotion: 'Check which traffic source shrank and what it cost.',
  task_returning_service: 'Member care: follow up recent buyers; a new customer costs about 6× a returning one.',
  task_returning_content: 'Post about three times a day to the social channels.',
} as const;

export type AdviceKey = keyof typeof en;

const zhCN: Record<AdviceKey, string> = {
  advice_partItem: '商品「{name}」',
  advice_bounceRate: '{part}跳失率 {value}（全店 {shop}）→ 先改{part}落地页',
  advice_pagesPerVisit: '{part}人均浏览量 {value}（全店 {shop}）→ 先给{part}落地页加关联推荐',
  advice_conversionRate: '{part}转化率 {value}（全店 {shop}）→ 先查{part}的详情页、价格和评价',
  ra_targetMiss: '连续 {days} 天支付金额低于日目标（{range}）：昨日 {sales}，日目标 {target}',
  ra_factorDrop: '{factor}较近4周同日中位数 {change}，已连续 {days} 天（{range}）',
  ra_source: '下滑最多：{source}，访客 {current}，近4周同日中位数 {baseline}（{change}）',
  money_down: '{factor}少了 {change}，少卖约 {amount}',
  money_up: '{factor}多了 {change}，多卖约 {amount}',
  stale_lastRead: '最近读到的已结束日期是 {date}（{days} 天前）：请打开{site}显示昨日数据的首页来更新。',
  status_unreadable:
    '{site}页面上有 {count} 个数字用防抓取字体显示，店脉不会还原，所以没有存下支付金额。请在后台下载昨日数据表，再在设置页导入。',
  firstRun_gives:
    '店脉会在异常数字旁给出预警和负责人，每天早上按日目标复盘昨日，并生成可直接发到工作群的日报。请准备好本月销售目标：读到店铺第一天的数据后，就在复盘卡片上设置。',
  shops_yesterday: '昨日 {sales}',
  shops_completion: '完成率 {percent}',
  shops_pending: '待处理 {count}',
  owners_title: '今天的分工',
  advice_steps: '具体步骤',
  advice_colMoney: '影响金额',
  advice_lineTarget: '日目标',
  advice_lineBaseline: '近4周同日中位数',
  owner_lead: '主责',
  owner_help: '协助',
  task_bounce_design: '重做跳失最高的落地页首屏：主图、价格和优惠一眼看清。',
  task_bounce_promotion: '该来源的页面达标前，不给它加预算。',
  task_depth_design: '给访客最多的商品页加关联推荐和集合页。',
  task_depth_operations: '把热销商品互相链接，并链回店铺首页。',
  task_conversion_design: '改访客最多的商品详情页：主图、卖点、评价展示。',
  task_conversion_service: '查询单转化率和响应速度，跟进未付款订单。',
  task_conversion_operations: '拿主推商品的价格和库存与两家同行对比。',
  task_visitors_promotion: '找回下滑来源的关键词或预算，核对访客成本。',
  task_visitors_operations: '核对那几天是否有活动或资源位到期。',
  task_aov_merchandising: '设搭配套餐或略高于当前客单价的满减。',
  task_aov_service: '接待时推荐关联商品凑单。',
  task_target_operations: '找出访客、转化、客单价中下滑的一项，交给对应负责人。',
  task_target_promotion: '查哪个流量来源变少了、花了多少钱。',
  task_returning_service: '老客关怀：回访近期买家；拉新成本约为老客的 6 倍。',
  task_returning_content: '每天向社交渠道发约三条内容。',
};

const zhTW: Record<AdviceKey, string> = {
  advice_partItem: '商品「{name}」',
  advice_bounceRate: '{part}跳失率 {value}（全店 {shop}）→ 先改{part}到達頁',
  advice_pagesPerVisit: '{part}人均瀏覽量 {value}（全店 {shop}）→ 先給{part}到達頁加關聯推薦',
  advice_conversionRate: '{part}轉換率 {value}（全店 {shop}）→ 先查{part}的商品頁、價格和評價',
  ra_targetMiss: '連續 {days} 天銷售額低於日目標（{range}）：昨日 {sales}，日目標 {target}',
  ra_factorDrop: '{factor}較近4週同日中位數 {change}，已連續 {days} 天（{range}）',
  ra_source: '下滑最多：{source}，訪客 {current}，近4週同日中位數 {baseline}（{change}）',
  money_down: '{factor}少了 {change}，少賣約 {amount}',
  money_up: '{factor}多了 {change}，多賣約 {amount}',
  stale_lastRead: '最近讀到的已結束日期是 {date}（{days} 天前）：請開啟{site}顯示昨日資料的首頁來更新。',
  status_unreadable:
    '{site}頁面上有 {count} 個數字用防擷取字型顯示，店脈不會還原，所以沒有存下銷售額。請在後台下載昨日資料表，再在設定頁匯入。',
  firstRun_gives:
    '店脈會在異常數字旁給出預警和負責人，每天早上依日目標複盤昨日，並產生可直接貼到工作群組的日報。請準備好本月銷售目標：讀到商店第一天的資料後，就在複盤卡片上設定。',
  shops_yesterday: '昨日 {sales}',
  shops_completion: '完成率 {percent}',
  shops_pending: '待處理 {count}',
  owners_title: '今天的分工',
  advice_steps: '具體步驟',
  advice_colMoney: '影響金額',
  advice_lineTarget: '日目標',
  advice_lineBaseline: '近4週同日中位數',
  owner_lead: '主責',
  owner_help: '協助',
  task_bounce_design: '重做跳失最高的到達頁首屏：主圖、價格和優惠一眼看清。',
  task_bounce_promotion: '該來源的頁面達標前，不給它加預算。',
  task_depth_design: '給訪客最多的商品頁加關聯推薦和集合頁。',
  task_depth_operations: '把熱銷商品互相連結，並連回商店首頁。',
  task_conversion_design: '改訪客最多的商品頁：主圖、賣點、評價展示。',
  task_conversion_service: '查詢單轉換率和回覆速度，跟進未付款訂單。',
  task_conversion_operations: '拿主推商品的價格和庫存與兩家同業比較。',
  task_visitors_promotion: '找回下滑來源的關鍵字或預算，核對訪客成本。',
  task_visitors_operations: '核對那幾天是否有活動或版位到期。',
  task_aov_merchandising: '設組合商品或略高於目前客單價的滿額折扣。',
  task_aov_service: '接待時推薦加購商品湊單。',
  task_target_operations: '找出訪客、轉換、客單價中下滑的一項，交給對應負責人。',
  task_target_promotion: '查哪個流量來源變少了、花了多少錢。',
  task_returning_service: '舊客關懷：回訪近期買家；開發新客成本約為舊客的 6 倍。',
  task_returning_content: '每天向社群頻道發約三則內容。',
};

export const ADVICE_STRINGS: Strings<AdviceKey> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

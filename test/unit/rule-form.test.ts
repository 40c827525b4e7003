import { describe, expect, it } from 'vitest';
import { fromDraft, type Draft } from '@/components/CustomRules';

const draft = (over: Partial<Draft>): Draft => ({
  id: 'r1',
  name: '转化率低',
  enabled: true,
  metric: 'conversionRate',
  comparison: 'below',
  value: '3',
  severity: 'critical',
  second: false,
  secondMetric: 'visitors',
  secondComparison: 'above',
  secondValue: '',
  breakdown: '',
  allShops: true,
  shops: [],
  notify: false,
  fix: 'conversionLow',
  ...over,
});
const SHOPS = [{ site: 'sycm', store: '小雨的旗舰店' }];

describe('the rule form', () => {
  it('reads rates and changes as percents and counts as printed', () => {
    expect(fromDraft(draft({}), SHOPS)).toMatchObject({
      metric: 'conversionRate',
      comparison: 'below',
      value: 0.03,
      scope: 'all',
    });
    expect(
      fromDraft(
        draft({
          comparison: 'dropVsBaseline',
          value: '20',
          second: true,
          secondValue: '1,000',
          breakdown: 'source',
        }),
        SHOPS,
      ),
    ).toMatchObject({ value: 0.2, and: { metric: 'visitors', comparison: 'above', value: 1000 }, breakdown: 'source' });
    expect(fromDraft(draft({ metric: 'pagesPerVisit', value: '2,5' }), SHOPS)).toMatchObject({ value: 2.5 });
    expect(fromDraft(draft({ metric: 'sales', value: '12,345.6' }), SHOPS)).toMatchObject({ value: 12345.6 });
    expect(fromDraft(draft({ allShops: false, shops: ['sycm|小雨的旗舰店'] }), SHOPS)).toMatchObject({
      scope: ['sycm|小雨的旗舰店'],
    });
  });

  it('refuses a number that reads two ways, and reads thousands in counts and money', () => {
    // 1,000 visitors can only be a thousand; 1,000 % (conversion) or 2,500 pages per visit could be 1 or 2.5.
    expect(fromDraft(draft({ metric: 'visitors', comparison: 'above', value: '1,000' }), SHOPS)).toMatchObject({ value: 1000 });
    expect(fromDraft(draft({ value: '1,000' }), SHOPS)).toEqual({ value: 'number_ambiguous' });
    expect(fromDraft(draft({ metric: 'pagesPerVisit', value: '2,500' }), SHOPS)).toEqual({ value: 'number_ambiguous' });
    expect(fromDraft(draft({ value: '2,5%' }), SHOPS)).toMatchObject({ value: 0.025 });
    expect(fromDraft(draft({ metric: 'visitors', comparison: 'above', value: '5%' }), SHOPS)).toEqual({
      value: 'number_percent',
    });
  });

  it('says what is wrong with each field and builds nothing', () => {
    expect(fromDraft(draft({ name: ' ', value: 'abc' }), SHOPS)).toEqual({ name: 'rules_errName', value: 'rules_errValue' });
    expect(fromDraft(draft({ comparison: 'dropVsBaseline', value: '120' }), SHOPS)).toEqual({ value: 'rules_errDrop' });
    expect(fromDraft(draft({ comparison: 'belowTarget', value: '100' }), SHOPS)).toEqual({ value: 'rules_errTargetMetric' });
    expect(fromDraft(draft({ second: true, secondValue: '' }), SHOPS)).toEqual({ secondValue: 'rules_errValue' });
    expect(fromDraft(draft({ allShops: false }), SHOPS)).toEqual({ shops: 'rules_errScope' });
  });
});

export declare const SAMPLE_END: string;
export declare const SAMPLE_DAYS: number;
export interface SampleDay {
  date: string;
  visitors: number;
  pageViews: number;
  bounceRate: number;
  pagesPerVisit: number;
  duration: number;
  buyers: number;
  conversion: number;
  aov: number;
  sales: number;
  units: number;
  orders: number;
  cart: number;
}
export declare function shopDays(end: string, seed: number, scale?: number, days?: number): SampleDay[];
export declare const REPORT_FILES: Record<'sycm' | 'jd' | 'shopify' | 'amazon' | 'ga4' | 'xls', string>;
export declare function writeReports(dir: string, end?: string): Promise<Record<keyof typeof REPORT_FILES, string>>;

import type { ExportFile } from '../../core/background/transfer/export';
import type { PageReport } from '../../core/messages';

export const HISTORY_METRICS: string[];
export function historyExport(options?: { shops?: number; days?: number; today?: string }): ExportFile;
export function readingReports(count: number, today?: string): PageReport[];

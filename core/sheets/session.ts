import { readSheets, SheetRefused, type SheetGrid } from './grid';
import { detect, plan, remap, type Detection, type Plan } from './table';
import { toImportCsv } from './to-import';
import type { Preview, SheetReply, SheetRequest } from './types';

/** Rows shown as they will be stored, and refusals listed one by one (the rest are counted). */
const FIRST_ROWS = 8;
const LISTED_REFUSALS = 200;

/**
 * One report file on its way in: read once, then detected, re-mapped as the operator changes a column,
 * the platform or the sheet, and finally turned into the days to store. Runs in the report reader's
 * worker, so a large workbook never holds the options page; the page sees only previews.
 */
export class SheetSession {
  private sheets: Array<SheetGrid & { encoding?: string }> = [];
  private sheet = 0;
  private detection: Detection | null = null;
  private planned: Plan | null = null;
  private file = '';
  private latest = '';

  async handle(request: SheetRequest): Promise<SheetReply> {
    try {
      if (request.type === 'read') {
        this.file = request.name;
        this.latest = request.latest;
        this.sheets = await readSheets(new Uint8Array(request.bytes), request.name);
        // The first sheet that holds a table of days.
        const found = this.sheets.findIndex((s) => detect(s));
        this.select(found < 0 ? 0 : found);
      } else if (request.type === 'sheet') this.select(request.sheet);
      else if (request.type === 'site') this.select(this.sheet, request.site);
      else if (request.type === 'map' && this.detection) {
        this.detection = remap(this.detection, request.index, request.role, request.metric);
        this.planned = plan(this.sheets[this.sheet]!, this.detection, this.latest);
      } else if (request.type === 'csv') {
        if (!this.planned) throw new SheetRefused('noTable');
        return { type: 'csv', text: toImportCsv(this.planned.days, request) };
      }
      if (!this.detection || !this.planned) throw new SheetRefused('noTable');
      return { type: 'preview', preview: this.preview() };
    } catch (error) {
      if (error instanceof SheetRefused) return { type: 'refused', kind: error.kind, detail: error.message };
      return { type: 'refused', kind: 'unknown', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private select(sheet: number, site?: string): void {
    const grid = this.sheets[sheet];
    if (!grid) throw new SheetRefused('noTable');
    this.sheet = sheet;
    this.detection = detect(grid, site);
    this.planned = this.detection ? plan(grid, this.detection, this.latest) : null;
  }

  private preview(): Preview {
    const d = this.detection!;
    const p = this.planned!;
    const encoding = this.sheets[this.sheet]?.encoding;
    return {
      file: this.file,
      ...(encoding ? { encoding } : {}),
      sheets: this.sheets.map((s) => s.name),
      sheet: this.sheet,
      ...(d.site ? { site: d.site } : {}),
      ...(d.store ? { store: d.store } : {}),
      ...(d.titlePeriod ? { titlePeriod: d.titlePeriod } : {}),
      ...(p.period ? { period: p.period } : {}),
      columns: d.columns.map(({ hint: _hint, ...c }) => c),
      first: p.days.slice(0, FIRST_ROWS),
      dayCount: p.days.length,
      valueCount: p.valueCount,
      refusals: p.refusals.slice(0, LISTED_REFUSALS),
      refusalCount: p.refusals.length,
      empty: p.empty,
    };
  }
}

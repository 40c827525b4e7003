/**
 * Reads a JSON export given in pieces of any size, without ever holding the whole file: the top-level
 * object's short values (format, version, settings …) are handed over whole, and the records of its
 * arrays one at a time, each as it completes. Memory stays bounded by the largest single record.
 */

/** The text cannot be read as JSON. */
export class JsonStreamError extends Error {}

type Mode = 'start' | 'key' | 'colon' | 'value' | 'scalar' | 'array' | 'element' | 'after' | 'end';

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export interface JsonSectionHandlers {
  /** Whether the value of `key` is an array streamed record by record (else it is handed over whole). */
  streams(key: string): boolean;
  value(key: string, value: unknown): void;
  record(key: string, index: number, value: unknown): void;
}

export class JsonSectionReader {
  private mode: Mode = 'start';
  private key = '';
  private index = 0;
  // The value being read: its text from earlier pieces, nesting depth and string state.
  private pending = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private accumulating = false;
  /** Longest value handed over whole (the settings); a record has no limit but its own size. */
  constructor(
    private readonly on: JsonSectionHandlers,
    private readonly maxValueChars = 5_000_000,
  ) {}

  feed(text: string): void {
    let start = 0; // where the value being read starts in this piece
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.accumulating) {
        const done = this.step(c);
        if (done === 0) continue;
        const raw = this.pending + text.slice(start, done === 1 ? i + 1 : i);
        this.pending = '';
        this.accumulating = false;
        this.complete(raw);
        if (done === 2) i--; // the delimiter is read again by the next mode
        continue;
      }
      if (isSpace(c)) continue;
      switch (this.mode) {
        case 'start':
          if (c !== '{') throw new JsonStreamError(`unexpected “${c}” where the file should open with “{”`);
          this.mode = 'key';
          break;
        case 'key':
          if (c === '}') this.mode = 'end';
          else if (c === '"') start = this.begin(i, c);
          else throw new JsonStreamError(`unexpected “${c}” where a name should be`);
          break;
        case 'colon':
          if (c !== ':') throw new JsonStreamError(`unexpected “${c}” after the name “${this.key}”`);
          this.mode = 'value';
          break;
        case 'value':
          if (c === '[' && this.on.streams(this.key)) {
            this.mode = 'array';
            this.index = 0;
          } else {
            this.mode = 'scalar';
            start = this.begin(i, c);
          }
          break;
        case 'array':
          if (c === ']') this.mode = 'after';
          else if (c !== ',') {
            this.mode = 'element';
            start = this.begin(i, c);
          }
          break;
        case 'after':
          if (c === ',') this.mode = 'key';
          else if (c !== '}') throw new JsonStreamError(`unexpected “${c}” after the value of “${this.key}”`);
          else this.mode = 'end';
          break;
        case 'end':
          throw new JsonStreamError(`unexpected “${c}” after the end of the file's object`);
        default:
          break;
      }
    }
    if (this.accumulating) {
      this.pending += text.slice(start);
      if (this.mode !== 'element' && this.pending.length > this.maxValueChars)
        throw new JsonStreamError(`the value of “${this.key}” is too long`);
    }
  }

  /** Throws when the text ended before the file's object closed. */
  end(): void {
    if (this.mode !== 'end') throw new JsonStreamError('the file ends before its object closes');
  }

  /** Starts reading a value at character `i`, `c`, and returns where it starts. */
  private begin(i: number, c: string): number {
    this.accumulating = true;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.pending = '';
    // The opening character cannot end a value (a one-digit number ends at the delimiter after it).
    this.step(c);
    return i;
  }

  /** One character of a value: 0 more to come, 1 the value ends with it, 2 the value ended before it. */
  private step(c: string): 0 | 1 | 2 {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === '\\') this.escaped = true;
      else if (c === '"') {
        this.inString = false;
        if (this.depth === 0) return 1;
      }
      return 0;
    }
    if (c === '"') this.inString = true;
    else if (c === '{' || c === '[') this.depth++;
    else if (c === '}' || c === ']') {
      if (this.depth === 0) return 2;
      this.depth--;
      if (this.depth === 0) return 1;
    } else if (this.depth === 0 && (c === ',' || isSpace(c))) return 2;
    return 0;
  }

  private complete(raw: string): void {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new JsonStreamError((error as Error).message);
    }
    if (this.mode === 'key') {
      if (typeof value !== 'string') throw new JsonStreamError('a name is not a string');
      this.key = value;
      this.mode = 'colon';
    } else if (this.mode === 'element') {
      this.on.record(this.key, this.index++, value);
      this.mode = 'array';
    } else {
      this.on.value(this.key, value);
      this.mode = 'after';
    }
  }
}

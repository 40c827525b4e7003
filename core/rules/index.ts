/**
 * Rules in one place: their shapes (`types.ts`), every default as data (`defaults.ts`), judging a
 * number by a platform's lines (`threshold.ts`) or by the operator's own rules (`custom.ts`), the lines
 * a shop is judged by (`effective.ts`) and the quiet hours (`quiet-hours.ts`).
 */
export * from './types';
export * from './defaults';
export * from './threshold';
export * from './custom';
export * from './effective';
export * from './quiet-hours';
export * from './returning';

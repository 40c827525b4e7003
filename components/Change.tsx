import './Change.css';

/**
 * The class that colours a change by its direction, as the operator's back offices do: in Chinese
 * (生意参谋, 京东商智 beside the badge) a rise is red and a fall green; in English a rise is green and a
 * fall red. The page's `lang` picks which. No change, no colour.
 */
export function changeClass(change: number | null): string {
  return change === null || change === 0 ? '' : change > 0 ? 'change-up' : 'change-down';
}

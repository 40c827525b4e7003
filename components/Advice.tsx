import './Advice.css';
import { FIXES, type Owner } from '@/core/fixes';
import type { PopupTranslate } from '@/core/strings/popup';
import type { FixId } from '@/core/rules';

/** Who does what: the sentences of the advice are in core/advice-text.ts, shared with the daily report. */

/** The owners of a fix: the lead, then the helpers, each with one task. */
export function Owners({ fix, t }: { fix: FixId; t: PopupTranslate }) {
  const owners: readonly Owner[] = FIXES[fix].owners;
  return (
    <div class="advice-owners" data-testid="owners">
      <strong class="advice-owners-title">{t('owners_title')}</strong>
      <ul>
        {owners.map((o, i) => (
          <li key={o.role} data-role={o.role} data-lead={i === 0}>
            <span class={i === 0 ? 'advice-role lead' : 'advice-role'}>
              {t(`role_${o.role}`)} · {t(i === 0 ? 'owner_lead' : 'owner_help')}
            </span>
            <span class="advice-task">{t(o.task)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

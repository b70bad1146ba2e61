/**
 * 办理方式 on the request form: 代办 (signed authorisation), 帮办 (the villager signs) or 申请人本人办理 (the villager is
 * here, rule 11). A mode the item does not allow is greyed out, with the server's own words (the same domain rule,
 * bundled) saying why and what to do instead; with 代办 the authorisation can be printed before registration.
 */
import { HANDLING_MODES, presenceRejection, type HandlingMode } from '@domain/cases/presence';
import type { Item } from './model';

const CHOICES: Record<HandlingMode, { title: string; text: string }> = {
  proxy: { title: '代办', text: '群众签署《代理服务委托书》，由代办员代为申请、领取结果' },
  help: { title: '帮办', text: '没有委托书，申请人本人在申请表上签字，代办员帮助填写、递交' },
  in_person: { title: '申请人本人办理', text: '申请人本人就在村便民服务室，本人签字，代办员在旁协助' },
};

/** Why this mode cannot be used for the item at the village, in the server's words; null when it can. */
export const modeProblem = (item: Item | null, mode: HandlingMode | null): string | null =>
  item && mode ? (presenceRejection({ ...item, acceptLevels: ['village'] }, 'village', mode)?.message ?? null) : null;

export function ModeChoice({
  item,
  mode,
  onChange,
  onPrintAuthorization,
}: {
  item: Item | null;
  mode: HandlingMode | null;
  onChange: (mode: HandlingMode) => void;
  /** 代办 only: print the authorisation from what is filled in, for the villager to sign before registering */
  onPrintAuthorization: () => void;
}) {
  const refused = HANDLING_MODES.filter((m) => modeProblem(item, m) !== null);
  return (
    <>
      <div className="choices" role="radiogroup" aria-label="办理方式">
        {HANDLING_MODES.map((m) => {
          const off = refused.includes(m);
          return (
            <label key={m} className={mode === m ? 'choice choice-on' : off ? 'choice choice-off' : 'choice'}>
              <input type="radio" name="mode" checked={mode === m} disabled={off} onChange={() => onChange(m)} />
              <span>
                <strong>{CHOICES[m].title}</strong>
                <small>{off ? '此事项不能这样办理' : CHOICES[m].text}</small>
              </span>
            </label>
          );
        })}
      </div>
      {refused.length > 0 && (
        <p className="hint-warn" data-testid="mode-rule">
          {modeProblem(item, refused[0]!)}
        </p>
      )}
      {mode === 'proxy' && (
        <button type="button" className="btn btn-secondary btn-block btn-after-choices" onClick={onPrintAuthorization}>
          打印代理服务委托书（请群众先签字）
        </button>
      )}
    </>
  );
}

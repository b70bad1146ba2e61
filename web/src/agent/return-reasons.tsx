/**
 * A main material is missing: the request is still registered — as 退回件, returned at once with written reasons
 * and basis (rule 2), so it reaches the township's refusal register — instead of being turned away unrecorded.
 * The agent writes the reasons; the form offers the obvious ones from the guide to start from.
 */
import type { Item } from './model';

export const suggestedReturn = (item: Item, missingMain: readonly string[]) => ({
  reasons: `缺少主件：${missingMain.join('、')}。主件不齐，不能受理。请备齐后重新申请。`,
  basis: `《${item.name}》办事指南“申报材料”：${missingMain.join('、')}为必须提交的主件。`,
});

/** Tall enough to read the whole text on a phone (about 16 characters a line at this size) without scrolling it. */
const rowsFor = (text: string) => Math.max(3, Math.ceil(text.length / 15) + 1);

export function ReturnReasons({
  item,
  missingMain,
  reasons,
  basis,
  problem,
  onChange,
}: {
  item: Item;
  missingMain: readonly string[];
  reasons: string;
  basis: string;
  problem: string | null;
  onChange: (next: { returnReasons?: string; returnBasis?: string }) => void;
}) {
  const suggested = suggestedReturn(item, missingMain);
  return (
    <div className="return-box" data-testid="return-box">
      <p className="hint-warn">
        缺少主件：<strong>{missingMain.join('、')}</strong>。提交后登记为<strong>退回件</strong>，写明退回理由和依据，报乡镇备案；请告知群众备齐后再来。
      </p>
      <label htmlFor="return-reasons">退回理由</label>
      <textarea id="return-reasons" rows={rowsFor(reasons)} value={reasons} onChange={(e) => onChange({ returnReasons: e.target.value })} />
      <label htmlFor="return-basis">退回依据</label>
      <textarea id="return-basis" rows={rowsFor(basis)} value={basis} onChange={(e) => onChange({ returnBasis: e.target.value })} />
      {problem && <p className="field-problem">{problem}</p>}
      {(reasons !== suggested.reasons || basis !== suggested.basis) && (
        <button type="button" className="btn btn-secondary" onClick={() => onChange({ returnReasons: suggested.reasons, returnBasis: suggested.basis })}>
          按缺少的主件填写
        </button>
      )}
    </div>
  );
}

import { useLevelNames } from '@/lib/auth';
import { levelLabel } from '@/lib/levels';
import { yesNo } from '@/lib/format';
import { ITEM_FIELD_LABELS as L, ITEM_KIND_LABELS, type CatalogItem } from '../api/item-schema';
import { acceptLevelsText } from '../utils/describe-item';

/** The facts table at the top of a guide: code, department, window, levels and how it may be applied for. */
export function GuideBasicInfo({ item }: { item: CatalogItem }) {
  const names = useLevelNames();
  const rows: [string, string, string, string][] = [
    [L.code, item.code, L.category, item.category],
    [L.department, item.department, L.window, item.window],
    [L.level, levelLabel(item.level, names), L.acceptLevels, acceptLevelsText(item.acceptLevels, names)],
    [L.kind, ITEM_KIND_LABELS[item.kind], L.joint, item.joint.length ? item.joint.join('、') : '无'],
    [L.inPersonRequired, yesNo(item.inPersonRequired), L.proxyAllowed, yesNo(item.proxyAllowed)],
    [L.onlineAllowed, yesNo(item.onlineAllowed), '是否收费', yesNo(item.fee.amount > 0)],
  ];
  return (
    <table className="guide-table">
      <tbody>
        {rows.map(([l1, v1, l2, v2]) => (
          <tr key={l1}>
            <th style={{ width: '14%' }}>{l1}</th>
            <td style={{ width: '36%' }}>{v1}</td>
            <th style={{ width: '14%' }}>{l2}</th>
            <td style={{ width: '36%' }}>{v2}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

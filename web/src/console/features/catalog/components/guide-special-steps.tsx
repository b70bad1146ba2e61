import { SPECIAL_STEP_FIELD_LABELS as S, SPECIAL_STEP_KIND_LABELS, type SpecialStep } from '../api/item-schema';

/** 特殊环节 (公示, 现场踏勘 …): each with its own limit and whether it counts toward the legal time. */
export function GuideSpecialSteps({ steps }: { steps: SpecialStep[] }) {
  if (steps.length === 0) return <p>特殊环节：无。</p>;
  return (
    <>
      <p style={{ marginBottom: 4 }}>特殊环节（公示、现场踏勘等，办理期间暂停计时）：</p>
      <table className="guide-table">
        <thead>
          <tr>
            <th>{S.name}</th>
            <th style={{ width: 110 }}>{S.kind}</th>
            <th className="center" style={{ width: 120 }}>
              时限
            </th>
            <th className="center" style={{ width: 150 }}>
              是否计入法定时限
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={`${i}-${s.name}`}>
              <td>{s.name}</td>
              <td>{SPECIAL_STEP_KIND_LABELS[s.kind]}</td>
              <td className="center">{s.limitDays} 个工作日</td>
              <td className="center">{s.countsTowardLegal ? '计入' : '不计入'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

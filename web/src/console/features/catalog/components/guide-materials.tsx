import { MATERIAL_FIELD_LABELS as M, type Material } from '../api/item-schema';

/** 申报材料: every material the applicant brings; a center may not ask for anything not listed here. */
export function GuideMaterials({ materials }: { materials: Material[] }) {
  if (materials.length === 0) return <p>无需提交材料。</p>;
  return (
    <table className="guide-table">
      <thead>
        <tr>
          <th className="center" style={{ width: 56 }}>
            序号
          </th>
          <th>{M.name}</th>
          <th className="center" style={{ width: 90 }}>
            {M.main}
          </th>
          <th className="center" style={{ width: 60 }}>
            {M.copies}
          </th>
          <th className="center" style={{ width: 100 }}>
            {M.original}
          </th>
        </tr>
      </thead>
      <tbody>
        {materials.map((m, i) => (
          <tr key={`${i}-${m.name}`}>
            <td className="center">{i + 1}</td>
            <td>
              {m.name}
              {m.promisable ? '（可告知承诺）' : ''}
            </td>
            <td className="center">{m.main ? '主件' : '附件'}</td>
            <td className="center">{m.copies}</td>
            <td className="center">{m.original ? '原件' : '复印件'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useEffect, useState } from 'react';
import { getCenters, type Loaded, type PublicCenterTree } from './open-api';
import { OpenLink } from './open-app';

/** /open: every center and village room, by township, each a link to its 政务公开 page. */
export function CenterList({ open }: { open: (id: string | null) => void }) {
  const [tree, setTree] = useState<Loaded<PublicCenterTree> | null>(null);
  useEffect(() => {
    document.title = '政务公开 · 便民服务平台';
    void getCenters().then(setTree);
  }, []);
  return (
    <>
      <h1>政务公开</h1>
      <p className="lead">选择一个便民服务中心（室），查看地址、办公时间、电话、工作人员在岗情况、办件结果、投诉处理结果和公告。</p>
      {tree === null && <p aria-live="polite">正在加载……</p>}
      {tree && !tree.ok && <p className="problem">{tree.title}</p>}
      {tree?.ok &&
        tree.data.centers.map((county) => (
          <section key={county.id} className="card open-tree">
            <OpenLink to={county.id} open={open} className="open-center open-county">
              <span className="open-center-name">{county.name}</span>
              {county.address && <span className="open-center-address">{county.address}</span>}
            </OpenLink>
            {county.children.map((township) => (
              <div key={township.id} className="open-township">
                <OpenLink to={township.id} open={open} className="open-center">
                  <span className="open-center-name">{township.name}</span>
                  {township.address && <span className="open-center-address">{township.address}</span>}
                </OpenLink>
                {township.children.length > 0 && (
                  <details className="open-villages">
                    <summary>下设 {township.children.length} 个{township.children[0]!.levelName}便民服务室</summary>
                    <ul>
                      {township.children.map((v) => (
                        <li key={v.id}>
                          <OpenLink to={v.id} open={open} className="open-village">
                            {v.name}
                          </OpenLink>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
            ))}
          </section>
        ))}
    </>
  );
}

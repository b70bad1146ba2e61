import { formatDate } from '@/lib/format';
import type { Item } from '../api/item-schema';
import { feeText, timeLimitLines } from '../utils/describe-item';
import { GuideBasicInfo } from './guide-basic-info';
import { GuideMaterials } from './guide-materials';
import { GuideSpecialSteps } from './guide-special-steps';

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line, i) => <p key={i} style={{ margin: '0 0 4px', textIndent: '2em' }}>{line}</p>);

/** 办事指南 as it is posted in the hall and printed on A4: the eight public fields in their order. */
export function ServiceGuide({ item, issuer }: { item: Item; issuer?: string }) {
  const fee = feeText(item.fee);
  return (
    <article className="service-guide">
      <h1>{item.name}</h1>
      <div className="guide-subtitle">办事指南</div>
      {item.aliases.length > 0 && (
        <div style={{ textAlign: 'center', color: '#595959', marginBottom: 12 }} data-testid="guide-aliases">
          俗称：{item.aliases.join('、')}
        </div>
      )}
      {item.status === 'retired' && (
        <div className="guide-retired-stamp">本事项已停用{item.retiredReason ? `（${item.retiredReason}）` : ''}，不再受理</div>
      )}
      <GuideBasicInfo item={item} />

      <h2>一、办理条件</h2>
      {paragraphs(item.conditions)}

      <h2>二、设定依据</h2>
      {item.basis.length === 0 ? <p>—</p> : <ol>{item.basis.map((b, i) => <li key={i}>{b}</li>)}</ol>}

      <h2>三、办理程序</h2>
      <ol>
        {item.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>

      <h2>四、申报材料</h2>
      <GuideMaterials materials={item.materials} />

      <h2>五、服务时限</h2>
      {timeLimitLines(item).map((line) => (
        <p key={line} style={{ margin: '0 0 4px' }}>
          {line}
        </p>
      ))}
      <GuideSpecialSteps steps={item.specialSteps} />

      <h2>六、办理结果</h2>
      <p>{item.result}</p>

      <h2>七、收费标准</h2>
      <p style={{ margin: '0 0 4px' }}>{fee.amount}</p>
      {fee.basis && <p style={{ margin: 0 }}>收费依据：{fee.basis}</p>}

      <h2>温馨提示</h2>
      <p>{item.publicNotes?.trim() ? item.publicNotes : '无。'}</p>
      <p style={{ marginTop: 32, color: '#8c8c8c', fontSize: 12, textAlign: 'right' }}>
        {issuer ? `${issuer} · ` : ''}第 {item.version} 版 · 更新于 {formatDate(item.updatedAt)}
      </p>
    </article>
  );
}

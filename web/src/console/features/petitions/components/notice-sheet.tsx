import { formatDate } from '@/lib/format';
import type { NoticePaper } from '../api/petitions';
import '@shared/a4-sheet.css';
import './petition-sheet.css';

/** The text of the notice after "您于……反映的……问题，": what was decided, in the step's own words. */
function bodyOf(p: NoticePaper): string {
  const t = p.notice.text;
  switch (p.notice.kind) {
    case 'accept':
      return `经审查，本机关决定予以受理。${t.startsWith('经审查') ? '' : t}`;
    case 'reject':
      return `经审查，本机关决定不予受理。理由和依据：${t}`;
    case 'extend':
      return `因情况复杂，本机关决定${t.replace(/^延期 (\d+) 天：/, '延期 $1 日办理。延期理由：')}`;
    default:
      return `现答复如下：\n${t}`;
  }
}

/**
 * One 告知书 to the petitioner on one A4 sheet: 受理 / 不予受理 / 延期 / 答复意见 (复查、复核意见), the decision in the
 * step's own words, what the petitioner may do next and by when, the issuing center and date, and its phones.
 */
export function NoticeSheet({ p }: { p: NoticePaper }) {
  const x = p.petition;
  return (
    <article className="a4-sheet petition-sheet" data-testid="notice-sheet" data-kind={p.notice.kind}>
      <header className="petition-sheet-head">
        <div className="petition-sheet-issuer">{p.center.centerName}</div>
        <h1 className="petition-sheet-title">{p.notice.title}</h1>
        <div className="petition-sheet-no">
          <span />
          <span>{x.petitionNo}</span>
        </div>
      </header>
      <div className="petition-sheet-body">
        <p className="petition-sheet-to">{x.group && x.representatives.length > 0 ? `${x.representatives.map((r) => r.name).join('、')}等 ${x.persons} 人` : x.name}：</p>
        <p>
          您于{formatDate(x.receivedAt)}{x.channelName === '来访' ? '来访' : `以${x.channelName}方式`}反映的“{x.issue.replace(/[。．.！!；;，,\s]+$/u, '')}”问题，{bodyOf(p)}
        </p>
        <p>{p.rights}</p>
        <p>特此告知。</p>
      </div>
      <div className="petition-sheet-issued">
        {p.center.centerName}（盖章）
        <br />
        {formatDate(p.notice.at)}
      </div>
      <div className="petition-sheet-foot">
        联系地址：{p.center.address ?? '—'}{'\u3000'}联系电话：{p.center.phone ?? '—'}
        {p.supervisionPhone && `\u3000监督电话：${p.supervisionPhone}`}
        <br />
        信访人签收：<span className="petition-sheet-blank" />
        {'\u3000'}日期：<span className="petition-sheet-blank" />
      </div>
    </article>
  );
}

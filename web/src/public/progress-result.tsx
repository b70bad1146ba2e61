import { chineseDate, chineseDateTime } from './format';
import type { Progress } from './get-progress';
import { ReadAloud } from './read-aloud';

/** What a villager wants to know, in this order: which matter, where it stands, by when, what happened. */
const STATUS_HINTS: Record<string, string> = {
  submitted: '材料已收到，正在等待受理。',
  awaiting_supplement: '请按一次性告知书补齐材料，材料补齐之日起开始计算办理时限。',
  in_progress: '正在办理，请耐心等待。',
  paused: '正在进行公示、现场踏勘等特殊环节，此期间不计入办理时限。',
  completed: '已经办结，请按通知领取办理结果。',
  returned: '申请已退回，退回理由和依据见退回件通知书。',
  withdrawn: '申请已撤回。',
  delivered: '办理结果已经送达。',
};

const DONE = ['completed', 'delivered', 'returned', 'withdrawn'];

/** 朗读 (长辈版): the matter, where it stands, by when, and the latest step, as a clerk would say it. */
function progressSpeech(progress: Progress): string {
  const latest = progress.timeline[progress.timeline.length - 1];
  return [
    `${progress.itemName}。`,
    `当前状态：${progress.statusName}。`,
    STATUS_HINTS[progress.status] ?? '',
    progress.acceptedAt ? `受理日期：${chineseDate(progress.acceptedAt)}。` : '尚未受理。',
    progress.dueAt ? `承诺办结日期：${chineseDate(progress.dueAt)}${progress.dueProvisional ? '，暂定' : ''}。` : '',
    latest ? `最近一步：${chineseDateTime(latest.at)}，${latest.text}` : '',
  ].join('\n');
}

export function ProgressResult({ progress }: { progress: Progress }) {
  const hint = STATUS_HINTS[progress.status];
  // newest first: the latest step is what people look for
  const timeline = [...progress.timeline].reverse();
  return (
    <section className="result" aria-live="polite">
      <h2 className="result-item">{progress.itemName}</h2>
      <p className="result-no">
        办件编号：<span className="result-case-no">{progress.caseNo}</span>
      </p>
      <ReadAloud text={() => progressSpeech(progress)} />
      <div className={`status status-${DONE.includes(progress.status) ? 'done' : 'open'}`}>
        <span className="status-label">当前状态</span>
        <strong className="status-name">{progress.statusName}</strong>
      </div>
      {hint && <p className="hint">{hint}</p>}
      <dl className="dates">
        <div>
          <dt>受理日期</dt>
          <dd>{progress.acceptedAt ? chineseDate(progress.acceptedAt) : '尚未受理'}</dd>
        </div>
        {progress.dueAt && (
          <div>
            <dt>承诺办结日期</dt>
            <dd>
              {chineseDate(progress.dueAt)}
              {progress.dueProvisional && '（暂定）'}
            </dd>
          </div>
        )}
      </dl>
      {progress.dueAt && progress.dueProvisional && (
        <p className="hint">下一年度的节假日安排尚未公布，办结日期暂按法定节假日计算；公布后会重新计算，以届时显示的日期为准。</p>
      )}
      <h3 className="timeline-title">办理过程</h3>
      <ol className="timeline">
        {timeline.map((entry, i) => (
          <li key={`${entry.at}-${i}`} className={i === 0 ? 'latest' : undefined}>
            <time dateTime={entry.at}>{chineseDateTime(entry.at)}</time>
            <span>{entry.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

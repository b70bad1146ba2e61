import { useState } from 'react';
import { FilePicker } from './file-picker';
import { materialsForm, resubmit, withdraw, type ApplicationDetail } from './applications-api';

const when = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * One application in 我的办件: where it stands, the window's notice with each material to upload again (uploaded
 * into the same application, then sent back for pre-review), the case number once accepted, and 撤回 while the
 * window has not decided.
 */
export function ApplicationView({ application, onChanged }: { application: ApplicationDetail; onChanged: (a: ApplicationDetail) => void }) {
  const a = application;
  const [files, setFiles] = useState<Map<number, File>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // 撤回 is asked again on the page (no pop-up: 长辈版), like 取消预约
  const [asking, setAsking] = useState(false);
  const awaiting = a.materials.map((m, i) => ({ m, i })).filter(({ m }) => m.awaitingSupplement);
  const lastNotice = [...a.steps].reverse().find((s) => s.action === 'notify-supplement');
  const returned = a.status === 'returned' ? [...a.steps].reverse().find((s) => s.action === 'return') : undefined;

  async function send() {
    if (files.size === 0) return setProblem('请先选择要补传的材料。');
    setProblem(null);
    setBusy(true);
    const answer = await resubmit(a.id, materialsForm({ expectedVersion: String(a.version) }, files));
    setBusy(false);
    if (!answer.ok) return setProblem(answer.title);
    setFiles(new Map());
    setProblem(null);
    onChanged(answer.value);
  }

  async function takeBack() {
    setAsking(false);
    setBusy(true);
    const answer = await withdraw(a.id, a.version);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.title);
    setProblem(null);
    onChanged(answer.value);
  }

  return (
    <section className="card application" data-testid="application">
      <p className="application-no">申请编号 {a.applicationNo}</p>
      <h2>{a.itemName}</h2>
      <p className={`status-line status-${a.status}`} data-testid="application-status">
        {a.statusName}
      </p>
      <dl className="dates">
        <div>
          <dt>办理中心</dt>
          <dd>{a.orgName}</dd>
        </div>
        <div>
          <dt>提交时间</dt>
          <dd>{when(a.submittedAt)}</dd>
        </div>
        {a.preReviewDueAt && (
          <div>
            <dt>窗口预审</dt>
            <dd>{when(a.preReviewDueAt)}前完成</dd>
          </div>
        )}
        {a.caseNo && (
          <div>
            <dt>办件编号</dt>
            <dd data-testid="application-case-no">{a.caseNo}</dd>
          </div>
        )}
      </dl>
      {a.caseNo && (
        <p className="link-row">
          <a href="/progress">凭办件编号和手机号码后四位查询办理进度</a>
        </p>
      )}
      {returned && <p className="problem">窗口退回：{returned.text}</p>}
      {a.status === 'supplement_requested' && lastNotice && (
        <div className="notice" data-testid="supplement-notice">
          <h3>一次性告知：请补正以下材料</h3>
          <ul>
            {lastNotice.materials.map((m) => (
              <li key={m.material}>
                <strong>{m.material}</strong>：{m.reason}
              </li>
            ))}
          </ul>
          {lastNotice.text && <p>{lastNotice.text}</p>}
          {awaiting.map(({ m, i }) => (
            <div key={m.name} className="material">
              <div className="material-name">{m.name}</div>
              <FilePicker
                id={`resubmit-${i}`}
                label={`上传 ${m.name}`}
                chosen={files.get(i)?.name}
                onChoose={(file) => {
                  // a file chosen answers "请先选择要补传的材料": the old complaint would only mislead
                  if (file) setProblem(null);
                  setFiles((prev) => {
                    const next = new Map(prev);
                    if (file) next.set(i, file);
                    else next.delete(i);
                    return next;
                  });
                }}
              />
            </div>
          ))}
          <button type="button" onClick={() => void send()} disabled={busy}>
            {busy ? '正在提交…' : '补传后重新提交'}
          </button>
        </div>
      )}
      <h3>材料</h3>
      <ul className="material-states">
        {a.materials.map((m) => (
          <li key={m.name}>
            {m.name}：{m.state === 'uploaded' ? `已上传 ${m.files.length} 份` : m.state === 'on_file' ? `已存档（${m.onFile?.levelName ?? ''}）` : m.state === 'promised' ? '已承诺提供（告知承诺）' : '未提供'}
          </li>
        ))}
      </ul>
      <h3>办理过程</h3>
      <ol className="timeline">
        {a.steps.map((s, i) => (
          <li key={i} className={i === a.steps.length - 1 ? 'latest' : undefined}>
            <span>{s.actionName}</span> <time>{when(s.at)}</time>
          </li>
        ))}
      </ol>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {a.allowedActions.includes('withdraw') &&
        (asking ? (
          <div className="withdraw-ask" role="group" aria-label="确认撤回申请">
            <p>确定撤回“{a.itemName}”的申请（{a.applicationNo}）吗？撤回后窗口不再预审，需要办理时请重新申请。</p>
            <button type="button" className="secondary" onClick={() => void takeBack()} disabled={busy}>
              确定撤回
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              不撤回
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setAsking(true)} disabled={busy}>
            {busy ? '正在撤回…' : '撤回申请'}
          </button>
        ))}
    </section>
  );
}

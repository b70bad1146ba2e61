import { useEffect, useState } from 'react';
import { missingMainMaterials, missingMainMessage } from '@domain/applications/materials';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { FilePicker } from './file-picker';
import { getApplyForm, materialsForm, submitApplication, type ApplicationDetail, type ApplyForm } from './applications-api';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * 网上申请 of one item: the center, each material as an upload slot (a photo from the phone's camera or a PDF), those
 * already on file marked and not asked for, those the catalog marks 可告知承诺 may be promised instead (承诺提供, kept as
 * level D for this application only), a short description. One Idempotency-Key per filled form: pressing
 * 提交 twice on a slow network makes one application.
 */
export function ApplyPage({ itemCode, onSubmitted }: { itemCode: string; onSubmitted: (a: ApplicationDetail) => void }) {
  const [form, setForm] = useState<ApplyForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [orgId, setOrgId] = useState('');
  const [files, setFiles] = useState<Map<number, File>>(new Map());
  const [description, setDescription] = useState('');
  // 告知承诺: the materials (by place in the list) the applicant promises instead of uploading
  const [promised, setPromised] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  useEffect(() => {
    void getApplyForm(itemCode).then((answer) => {
      if (!answer.ok) return setProblem(answer.title);
      setForm(answer.value);
      if (answer.value.centers.length === 1) setOrgId(answer.value.centers[0]!.id);
    });
  }, [itemCode]);

  if (!form) return problem ? <p className="problem" role="alert">{problem}</p> : <p className="lead">正在打开申请表…</p>;
  // not a dead end: the guide says which materials to bring and where to go, and the hall's home finds other items
  if (!form.onlineAllowed) {
    return (
      <>
        <p className="problem" role="alert">“{form.itemName}”不能网上申请，请带齐材料到窗口办理。</p>
        <p data-testid="apply-offline-links">
          <a href={`/items/${encodeURIComponent(itemCode)}`}>查看办事指南（要带的材料、办理地点和时间）</a>
          {'　'}
          <a href="/">回到网上办事大厅首页</a>
        </p>
      </>
    );
  }

  const choose = (i: number, file: File | undefined) => {
    setProblem(null);
    if (file && file.size > MAX_BYTES) return setProblem(`“${file.name}”超过 10 MB，请压缩或重新拍照后再选。`);
    setFiles((m) => {
      const next = new Map(m);
      if (file) next.set(i, file);
      else next.delete(i);
      return next;
    });
  };

  const togglePromise = (i: number, on: boolean) => {
    setProblem(null);
    setPromised((set) => {
      const next = new Set(set);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!form) return;
    if (!orgId) return setProblem('请选择到哪个中心办理。');
    const given = form.materials.filter((m, i) => m.onFile || files.has(i) || promised.has(i)).map((m) => m.name);
    const lacking = missingMainMaterials(form.materials, given);
    if (lacking.length > 0) return setProblem(missingMainMessage(lacking));
    setBusy(true);
    const kept = new Map([...files].filter(([i]) => !promised.has(i)));
    const promisedField = [...promised].filter((i) => form.materials[i]?.promisable && !form.materials[i]?.onFile).join(',');
    const answer = await submitApplication(materialsForm({ itemCode: form.itemCode, orgId, description, ...(promisedField ? { promised: promisedField } : {}) }, kept), key);
    setBusy(false);
    if (answer.ok) onSubmitted(answer.value);
    else setProblem(answer.title);
  }

  return (
    <form className="card apply" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{form.itemName}</h2>
      <label htmlFor="apply-center">办理中心</label>
      <select id="apply-center" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
        <option value="">请选择</option>
        {form.centers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <fieldset className="materials">
        <legend>申报材料（拍照或 PDF，每份不超过 10 MB）</legend>
        {form.materials.map((m, i) => (
          <div key={m.name} className="material" data-testid={`material-${i}`}>
            <div className="material-name">
              {m.name}
              {m.main ? <span className="must">必交</span> : <span className="optional">有则提供</span>}
            </div>
            {m.onFile ? (
              <p className="on-file">✓ 已存档（{m.onFile.levelName}），不必再交</p>
            ) : (
              <>
                {m.promisable && (
                  <label className="promise" htmlFor={`material-promise-${i}`}>
                    <input id={`material-promise-${i}`} type="checkbox" checked={promised.has(i)} onChange={(e) => togglePromise(i, e.target.checked)} />
                    承诺提供（告知承诺，先不上传）
                  </label>
                )}
                {promised.has(i) ? (
                  <p className="promised-note">您以书面承诺代替这份材料：窗口受理后会核查，承诺不实的将依法处理。本次承诺只用于这份申请。</p>
                ) : (
                  <FilePicker id={`material-file-${i}`} label={`上传${m.name}`} chosen={files.get(i)?.name} onChoose={(file) => choose(i, file)} />
                )}
              </>
            )}
          </div>
        ))}
      </fieldset>
      <label htmlFor="apply-description">申请说明（可不填）</label>
      <textarea id="apply-description" rows={3} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '正在提交…' : '提交申请'}
      </button>
    </form>
  );
}

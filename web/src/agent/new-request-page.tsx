/**
 * 新请求: a villager's request in four steps on one page — the item, the applicant, the materials handed over,
 * 代办, 帮办 or 申请人本人办理 — kept on the phone as it is typed and sent once, with its own submission key. Every
 * check is the server's own function (src/domain, bundled): what the phone accepts, the server accepts.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { checkMaterials } from '@domain/cases/materials';
import { proxyOf } from '@domain/cases/presence';
import { isNetworkProblem, isProblem, newKey, problemText } from './api';
import { applicantOf, clearDraft, emptyDraft, hasContent, idNumberProblem, loadDraft, phoneProblem, saveDraft, type Draft, type MaterialMark } from './draft';
import { chineseDate, chineseDateTime } from './format';
import { findItems } from './item-search';
import {
  cachedItems,
  cachedOthers,
  getMaterialsOnFile,
  getVillageItems,
  itemsFresh,
  registerCase,
  whereToApply,
  type Item,
  type Me,
  type OnFile,
  type OtherItem,
  type WhereToApply,
} from './model';
import { ModeChoice, modeProblem } from './mode-choice';
import { canQueue } from './offline/register-worker';
import { ReturnReasons, suggestedReturn } from './return-reasons';
import { BASE, navigate } from './router';
import { Alert } from './ui';

const OFFLINE_TEXT = '网络已断开，填写的内容已保存在本机，恢复网络后再提交';
/** the offline worker keeps what is submitted (web/src/agent/offline) */
const QUEUE_TEXT = '网络已断开，提交后先暂存在本机（待上传），联网后自动上传';
/** over plain HTTP there is no worker (no secure context): said calmly, once, under the offline notice */
const HTTP_TEXT = '本机通过 http 访问，断网时不能暂存待上传；填写内容会保存为草稿，联网后再提交。';

/** Where the item is decided, in the words the agent uses with the villager. */
export function routeOf(item: Item): string {
  if (item.level === 'village') return item.kind === 'immediate' ? '村里当场办结' : '村里受理办理';
  if (item.level === 'township') return '收件后转报乡镇办理';
  return '收件后转报乡镇，由乡镇上报县级办理';
}

type Refusal = { code: string; title: string };

/** The checklist as the server takes it: an attachment marked not applicable is left out, so it is not missing. */
export const checklistOf = (item: Item, marks: Record<string, MaterialMark>) =>
  item.materials.map((m) => ({ name: m.name, provided: marks[m.name] === true, notApplicable: !m.main && marks[m.name] === 'na' }));

type Kept = Map<string, OnFile>;

/** The agent's own marks with what is on file counted as handed over (材料复用), whatever the agent marked. */
const withKept = (marks: Record<string, MaterialMark>, kept: Kept | null): Record<string, MaterialMark> =>
  kept?.size ? { ...marks, ...Object.fromEntries([...kept.keys()].map((name) => [name, true])) } : marks;

/**
 * 材料复用: the item's materials this applicant already has on file (GET /api/evidence/on-file), asked once the item
 * is chosen and a whole, valid ID number and a name are typed, after a pause in the typing. Any failure (no signal,
 * a queued-offline phone, a refusal) only means nothing is marked: the request is taken as before.
 */
function useKept(item: Item | null, idNumber: string, name: string, online: boolean): Kept | null {
  const number = idNumber.trim().toUpperCase();
  const who = name.trim();
  const code = item && item.materials.length > 0 && who && !idNumberProblem(number) ? item.code : null;
  const key = code && `${code}|${number}|${who}`;
  const [found, setFound] = useState<{ key: string; kept: Kept } | null>(null);
  useEffect(() => {
    if (!code || !key || !online) return;
    const stop = new AbortController();
    const timer = setTimeout(() => {
      getMaterialsOnFile({ itemCode: code, number, name: who }, stop.signal).then(
        (kept) => setFound({ key, kept }),
        () => undefined,
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [key, online]);
  return found && found.key === key ? found.kept : null;
}

export function NewRequestPage({ me, online }: { me: Me; online: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(me.id) ?? emptyDraft());
  const [restored, setRestored] = useState(() => {
    const saved = loadDraft(me.id);
    return saved && hasContent(saved) ? saved.savedAt : null;
  });
  const [items, setItems] = useState<Item[] | null>(() => cachedItems(me.orgId));
  const [others, setOthers] = useState<OtherItem[]>(() => cachedOthers(me.orgId));
  const [itemsProblem, setItemsProblem] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [networkFailed, setNetworkFailed] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const queue = canQueue();

  useEffect(() => {
    if (items && itemsFresh()) return;
    let live = true;
    getVillageItems(me.orgId).then(
      (fresh) => live && (setItems(fresh.items), setOthers(fresh.others), setItemsProblem(null)),
      (error: unknown) => live && setItemsProblem(isNetworkProblem(error) ? '网络连接失败，事项清单没有更新。' : problemText(error)),
    );
    return () => {
      live = false;
    };
  }, [me.orgId]);

  // every keystroke is on the phone at once
  useEffect(() => {
    saveDraft(me.id, draft);
  }, [me.id, draft]);

  useEffect(() => {
    if (online) setNetworkFailed(false);
  }, [online]);

  const item = useMemo(() => items?.find((i) => i.code === draft.itemCode) ?? null, [items, draft.itemCode]);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch, savedAt: new Date().toISOString() }));

  const kept = useKept(item, draft.idNumber, draft.name, online);
  const marks = withKept(draft.materials, kept);
  const { missingMain } = item ? checkMaterials(item.materials, checklistOf(item, marks)) : { missingMain: [] };
  const returning = missingMain.length > 0;
  const missingKey = missingMain.join('、');
  // a missing main material: start the written reasons from the guide, and follow what is missing until the agent
  // writes their own
  const suggested = useRef<{ reasons: string; basis: string } | null>(null);
  useEffect(() => {
    const own = (draft.returnReasons.trim() || draft.returnBasis.trim()) && (draft.returnReasons !== suggested.current?.reasons || draft.returnBasis !== suggested.current?.basis);
    if (own) return;
    const next = item && missingKey ? suggestedReturn(item, missingKey.split('、')) : { reasons: '', basis: '' };
    suggested.current = next;
    if (next.reasons !== draft.returnReasons || next.basis !== draft.returnBasis) update({ returnReasons: next.reasons, returnBasis: next.basis });
    // only when what is missing changes, not on every keystroke in the reasons
  }, [item, missingKey]);
  const problems = {
    item: item ? null : '请先选择要办理的事项',
    name: draft.name.trim() ? null : '请填写申请人姓名',
    idNumber: idNumberProblem(draft.idNumber),
    phone: phoneProblem(draft.phone),
    materials: returning && (!draft.returnReasons.trim() || !draft.returnBasis.trim()) ? '缺少主件的按退回件登记，请写明退回理由和依据。' : null,
    mode: draft.mode ? modeProblem(item, draft.mode) : '请选择办理方式：代办、帮办或申请人本人办理',
  };
  const firstProblem = Object.values(problems).find(Boolean) ?? null;

  /** 代办: the authorisation is printed from the form for the villager to sign before the request is sent. */
  function printAuthorization() {
    setTouched(true);
    const missing = problems.item ?? problems.name ?? problems.idNumber;
    if (missing) {
      setProblem(`打印委托书前，${missing.replace(/^请/, '请先')}`);
      topRef.current?.scrollIntoView({ behavior: 'smooth' });
      return;
    }
    navigate(`${BASE}/new/authorization`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setRefusal(null);
    setProblem(null);
    const applicant = applicantOf(draft);
    if (firstProblem || !item || !applicant) {
      setProblem(firstProblem ?? '请核对申请人信息');
      return;
    }
    if (!navigator.onLine && !queue) {
      setNetworkFailed(true);
      topRef.current?.scrollIntoView({ behavior: 'smooth' });
      return;
    }
    setBusy(true);
    try {
      const created = await registerCase(
        {
          itemCode: item.code,
          channel: 'agent',
          applicant: {
            name: applicant.name,
            idNumber: applicant.idNumber,
            phone: applicant.phone,
            ...(applicant.address ? { address: applicant.address } : {}),
          },
          materials: checklistOf(item, marks),
          ...(draft.mode && proxyOf(draft.mode) ? { proxy: proxyOf(draft.mode)! } : {}),
          ...(returning ? { refusal: { reasons: draft.returnReasons.trim(), basis: draft.returnBasis.trim() } } : {}),
        },
        draft.key,
      );
      clearDraft(me.id);
      // kept by the worker and shown as 待上传 at the top; the form is free for the next villager
      if ('queued' in created) return startOver();
      navigate(`${BASE}/cases/${encodeURIComponent(created.id)}?new=1`);
    } catch (error) {
      if (isNetworkProblem(error)) {
        setNetworkFailed(true);
      } else if (isProblem(error) && (error.code === 'IN_PERSON_REQUIRED' || error.code === 'PROXY_NOT_ALLOWED')) {
        setRefusal({ code: error.code, title: error.title });
        update({ key: newKey() });
      } else {
        setProblem(problemText(error));
        // the server turned this one down: nothing was registered, the next try is a new submission
        if (isProblem(error) && error.status >= 400 && error.status < 500 && error.status !== 409) update({ key: newKey() });
      }
      topRef.current?.scrollIntoView({ behavior: 'smooth' });
    } finally {
      setBusy(false);
    }
  }

  function startOver() {
    clearDraft(me.id);
    setDraft(emptyDraft());
    setTouched(false);
    setRefusal(null);
    setProblem(null);
    setRestored(null);
    window.scrollTo(0, 0);
  }

  const show = (key: keyof typeof problems) => (touched ? problems[key] : null);

  return (
    <div ref={topRef}>
      <h1>新请求</h1>
      {(!online || networkFailed) && (
        <div className="offline offline-form" role="alert">
          {queue ? QUEUE_TEXT : OFFLINE_TEXT}
        </div>
      )}
      {(!online || networkFailed) && !window.isSecureContext && <p className="muted">{HTTP_TEXT}</p>}
      {refusal && (
        <Alert tone="error" title={refusal.code === 'IN_PERSON_REQUIRED' ? '此事项须本人到场，不能代办' : '此事项不允许代办'}>
          <p className="refusal-text" data-testid="refusal">
            {refusal.title}
          </p>
        </Alert>
      )}
      {problem && !refusal && <Alert tone="error">{problem}</Alert>}
      {restored && !touched && (
        <Alert tone="info">
          已恢复 {chineseDateTime(restored)} 未提交的内容，请核对后继续填写。
          <button type="button" className="btn-link" onClick={startOver}>
            清空重填
          </button>
        </Alert>
      )}

      <form onSubmit={(e) => void submit(e)} noValidate>
        <section className="card">
          <h2 className="step">
            <span className="step-no">1</span>办理事项
          </h2>
          {item ? (
            <ChosenItem item={item} onChange={() => update({ itemCode: null, materials: {} })} />
          ) : (
            <ItemPicker items={items} others={others} problem={itemsProblem} onPick={(picked) => update({ itemCode: picked.code, materials: {} })} />
          )}
          {show('item') && <p className="field-problem">{problems.item}</p>}
        </section>

        <section className="card">
          <h2 className="step">
            <span className="step-no">2</span>申请人
          </h2>
          <label htmlFor="applicant-name">姓名</label>
          <input id="applicant-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} autoComplete="off" />
          {show('name') && <p className="field-problem">{problems.name}</p>}
          <label htmlFor="applicant-id">身份证号码</label>
          <input
            id="applicant-id"
            value={draft.idNumber}
            onChange={(e) => update({ idNumber: e.target.value.replace(/[^\dxX]/g, '').slice(0, 18) })}
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={18}
          />
          {show('idNumber') && <p className="field-problem">{problems.idNumber}</p>}
          <label htmlFor="applicant-phone">联系电话</label>
          <input
            id="applicant-phone"
            type="tel"
            value={draft.phone}
            onChange={(e) => update({ phone: e.target.value.replace(/[^\d\s-]/g, '').slice(0, 16) })}
            inputMode="tel"
            autoComplete="off"
          />
          {show('phone') && <p className="field-problem">{problems.phone}</p>}
          <label htmlFor="applicant-address">
            住址<span className="optional">（选填）</span>
          </label>
          <input id="applicant-address" value={draft.address} onChange={(e) => update({ address: e.target.value })} autoComplete="off" />
        </section>

        <section className="card">
          <h2 className="step">
            <span className="step-no">3</span>收到的材料
          </h2>
          {item ? (
            <Materials item={item} own={draft.materials} kept={kept} onChange={(materials) => update({ materials })} />
          ) : (
            <p className="muted">选择事项后，这里列出办事指南要求的全部材料。</p>
          )}
          {item && returning && (
            <ReturnReasons
              item={item}
              missingMain={missingMain}
              reasons={draft.returnReasons}
              basis={draft.returnBasis}
              problem={show('materials')}
              onChange={update}
            />
          )}
        </section>

        <section className="card">
          <h2 className="step">
            <span className="step-no">4</span>办理方式
          </h2>
          <ModeChoice item={item} mode={draft.mode} onChange={(mode) => update({ mode })} onPrintAuthorization={printAuthorization} />
          {(show('mode') ?? (draft.mode ? problems.mode : null)) && <p className="field-problem">{problems.mode}</p>}
          <p className="muted">代办、帮办服务一律免费，不收取任何费用。</p>
        </section>

        {(!online || networkFailed) && !queue && (
          <p className="field-problem submit-offline" role="status">
            网络恢复后再点“{returning ? '登记为退回件' : '提交登记'}”，填写的内容不会丢失。
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block btn-submit" disabled={busy}>
          {busy ? '正在提交…' : returning ? '登记为退回件' : '提交登记'}
        </button>
        <p className="saved-hint" aria-live="polite">
          {draft.savedAt ? `填写的内容已自动保存在本机（${chineseDateTime(draft.savedAt).slice(-5)}）` : '填写的内容会自动保存在本机'}
        </p>
      </form>
    </div>
  );
}

// ------------------------------------------------------------------------------------------------ item

function ItemTags({ item }: { item: Item }) {
  return (
    <span className="tags">
      <span className={item.level === 'village' ? 'tag tag-green' : 'tag tag-blue'}>{routeOf(item)}</span>
      {item.inPersonRequired && <span className="tag tag-red">须本人到场</span>}
      {!item.inPersonRequired && !item.proxyAllowed && <span className="tag tag-red">不可代办</span>}
    </span>
  );
}

/** MZ-003 · 社会救助 · 俗称：低保、低保户 */
const metaOf = (item: OtherItem) => `${item.code} · ${item.category}${item.aliases?.length ? ` · 俗称：${item.aliases.join('、')}` : ''}`;

function ItemPicker({ items, others, problem, onPick }: { items: Item[] | null; others: OtherItem[]; problem: string | null; onPick: (item: Item) => void }) {
  const [q, setQ] = useState('');
  // name, 俗称, code or pinyin, by the server's own rules (item-search.ts)
  const found = useMemo(() => findItems(items ?? [], q), [items, q]);
  // what the village cannot take is listed only when searched for, after what it can, to say where to go instead
  const notHere = useMemo(() => (q.trim() ? findItems(others, q).slice(0, 10) : []), [others, q]);
  return (
    <div className="picker">
      <label htmlFor="item-search">查找事项</label>
      <input
        id="item-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="事项名称、俗称或拼音，如 低保、dbsq"
        autoComplete="off"
        enterKeyHint="search"
      />
      {problem && <p className="field-problem">{problem}</p>}
      {!items ? (
        <p className="muted">正在载入本村可办事项…</p>
      ) : found.length === 0 ? (
        <p className="muted">{notHere.length > 0 ? `本村可办事项中没有“${q.trim()}”。` : `没有找到“${q.trim()}”。请换个说法，例如只输入两个关键字。`}</p>
      ) : (
        <ul className="item-list">
          {found.slice(0, 40).map((item) => (
            <li key={item.code}>
              <button type="button" className="item-option" onClick={() => onPick(item)}>
                <span className="item-name">{item.name}</span>
                <span className="item-meta">{metaOf(item)}</span>
                <ItemTags item={item} />
              </button>
            </li>
          ))}
          {found.length > 40 && <li className="muted">还有 {found.length - 40} 项，请输入关键字缩小范围。</li>}
        </ul>
      )}
      {notHere.length > 0 && (
        <>
          <h3 className="not-here-heading">本村不能办理的事项</h3>
          <p className="muted">点一下事项，看群众该去哪里办。</p>
          <ul className="item-list">
            {notHere.map((other) => (
              <NotHere key={other.code} item={other} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** An item the village cannot take: tapped, where the villager must go (GET /api/agents/where-to-apply). */
function NotHere({ item }: { item: OtherItem }) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<WhereToApply | string | null>(null);
  const toggle = () => {
    setOpen(!open);
    if (open || (place && typeof place === 'object')) return;
    // asked each time it opens until answered: a failure (no signal) is tried again on the next tap
    setPlace(null);
    whereToApply(item.code).then(setPlace, (error: unknown) => setPlace(problemText(error)));
  };
  const v = typeof place === 'object' ? place?.venue : null;
  return (
    <li>
      <button type="button" className="item-option" aria-expanded={open} onClick={toggle}>
        <span className="item-name">{item.name}</span>
        <span className="item-meta">{metaOf(item)}</span>
        <span className="tag tag-red">本村不能办理</span>
      </button>
      {open && (
        <div className="not-here" data-testid="not-here">
          {place === null ? (
            <p>正在查询办理地点…</p>
          ) : typeof place === 'string' ? (
            <p className="field-problem">{place}</p>
          ) : (
            <>
              <p className="not-here-title">本村不能办理，请{place.inPerson ? '申请人本人' : '群众'}到：</p>
              {v ? (
                <>
                  <p className="not-here-place">
                    {v.centerName}
                    {v.window}
                  </p>
                  {v.address && <p>地址：{v.address}</p>}
                  {v.hoursText && <p>办公时间：工作日 {v.hoursText}</p>}
                  {v.phone && (
                    <a className="btn btn-call btn-block" href={`tel:${v.phone.replace(/\s/g, '')}`}>
                      电话：{v.phone}
                    </a>
                  )}
                </>
              ) : (
                <p>{place.text ?? '本村已可办理，请刷新页面。'}</p>
              )}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function ChosenItem({ item, onChange }: { item: Item; onChange: () => void }) {
  return (
    <div className="chosen" data-testid="chosen-item">
      <div className="chosen-name">{item.name}</div>
      <div className="item-meta">
        {item.code} · {item.category}
        {item.result ? ` · 办理结果：${item.result}` : ''}
      </div>
      <ItemTags item={item} />
      {item.inPersonRequired && <p className="hint-warn">此事项须申请人本人到场办理，不能代办。本人在场的，办理方式选“申请人本人办理”。</p>}
      {!item.inPersonRequired && !item.proxyAllowed && <p className="hint-warn">此事项不允许代办，须申请人本人办理。</p>}
      <button type="button" className="btn btn-secondary" onClick={onChange}>
        重新选择事项
      </button>
    </div>
  );
}

/**
 * The guide's materials to tick as they are handed over. `own` is what the agent marked (kept in the draft);
 * what is on file (`kept`) shows as 已存档 with its level and validity, ticked and not to be unticked.
 */
function Materials({ item, own, kept, onChange }: { item: Item; own: Record<string, MaterialMark>; kept: Kept | null; onChange: (next: Record<string, MaterialMark>) => void }) {
  if (item.materials.length === 0) return <p className="muted">本事项不需要提交材料。</p>;
  const ticked = withKept(own, kept);
  const all = item.materials.every((m) => ticked[m.name] === true);
  const { missing, missingMain } = checkMaterials(item.materials, checklistOf(item, ticked));
  const mainsIn = missingMain.length === 0;
  return (
    <div className="materials">
      {kept && kept.size > 0 && (
        <p className="on-file-note" data-testid="materials-on-file" role="status">
          该申请人已有 {kept.size} 项材料存档，这次不用再交，已自动打勾。
        </p>
      )}
      <p className="muted">请逐项核对群众交来的材料，收到的打勾。标“主件”的必须齐全；附件对这位群众不适用的（如“已婚的提供”），点“不适用”。</p>
      {item.materials.map((m) => {
        const mark = ticked[m.name];
        const onFile = kept?.get(m.name);
        return (
          <div key={m.name} className="material-row">
            <label className={onFile ? 'check check-on check-kept' : mark === true ? 'check check-on' : mark === 'na' ? 'check check-na' : 'check'}>
              <input type="checkbox" checked={mark === true} disabled={!!onFile} onChange={(e) => onChange({ ...own, [m.name]: e.target.checked })} />
              <span className="check-text">
                {m.main ? <span className="tag tag-main">主件</span> : <span className="tag tag-attach">附件</span>}
                {m.name}
                {m.copies && m.copies > 1 ? `（${m.copies}份）` : ''}
                {mark === 'na' && <span className="na-note">不适用</span>}
                {onFile && (
                  <span className="on-file">
                    已存档（{onFile.levelName}，{onFile.validUntil ? <>有效期至 <span>{chineseDate(onFile.validUntil)}</span></> : '长期有效'}）
                  </span>
                )}
              </span>
            </label>
            {!m.main && mark !== true && (
              <button
                type="button"
                className={mark === 'na' ? 'na-toggle na-toggle-on' : 'na-toggle'}
                aria-pressed={mark === 'na'}
                onClick={() => onChange({ ...own, [m.name]: mark === 'na' ? false : 'na' })}
              >
                不适用
              </button>
            )}
          </div>
        );
      })}
      {mainsIn && missing.length > 0 && (
        <p className="hint-warn">
          还缺附件：{missing.join('、')}。提交后按补办件登记，请一次性告知群众补齐，补齐后在“我的办件”里登记。
        </p>
      )}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => onChange({ ...own, ...Object.fromEntries(item.materials.filter((m) => !kept?.has(m.name)).map((m) => [m.name, !all])) })}
      >
        {all ? '全部取消' : '材料全部收齐'}
      </button>
    </div>
  );
}

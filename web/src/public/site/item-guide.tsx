import { useEffect, useState } from 'react';
import { ReadAloud } from '../read-aloud';
import { FAILURES, getFaq, getItem, getPlaces, type Answer, type Item, type ItemPlaces, type PublicFaq } from './site-api';

type Place = ItemPlaces['places'][number];

const feeText = (item: Item) => (item.fee.amount > 0 ? `${item.fee.amount} 元` : '不收费');
const limitText = (item: Item) => (item.kind === 'immediate' ? '当场办结' : `${item.promisedDays} 个工作日`);
const materialText = (m: Item['materials'][number]) => `${m.original ? '原件' : '复印件'} ${m.copies} 份${m.main ? '' : '（如有）'}`;

/** The guide as a villager would hear it read at the window: what, who may, what to bring, how long, cost, where. */
function guideSpeech(item: Item, places: Place[] | null): string {
  const centers = (places ?? []).filter((p) => p.level !== 'village');
  const villages = (places ?? []).filter((p) => p.level === 'village').length;
  return [
    `${item.name}。`,
    item.aliases.length > 0 ? `平常也叫${item.aliases.join('、')}。` : '',
    `办理条件：${item.conditions}`,
    `要带的材料：${item.materials.map((m, i) => `第${i + 1}，${m.name}，${materialText(m)}`).join('；')}。`,
    `办理时限：${item.kind === 'immediate' ? '即办' : `承诺${item.promisedDays}个工作日办结`}。`,
    `收费：${feeText(item)}。`,
    item.inPersonRequired ? '须申请人本人到场办理。' : '',
    centers.length > 0 ? `可以到${centers.map((p) => `${p.centerName}${p.window ?? ''}，地址${p.address ?? '见通知'}`).join('；')}办理。` : '',
    villages > 0 ? (item.proxyAllowed && !item.inPersonRequired ? '也可以到本村便民服务室，由代办员帮您办理。' : '也可以本人到本村便民服务室登记。') : '',
  ].join('\n');
}

function Places({ places, proxy }: { places: Place[]; proxy: boolean }) {
  if (places.length === 0) return <p>目前没有公布可办理的中心，请拨打当地便民服务中心的电话咨询。</p>;
  const centers = places.filter((p) => p.level !== 'village');
  const villages = places.filter((p) => p.level === 'village');
  const towns = [...new Set(villages.map((v) => v.parentName ?? ''))];
  return (
    <>
      <ul className="places">
        {centers.map((p) => (
          <li key={p.orgId} className="place">
            <p className="place-name">
              <span className="place-center">{p.centerName}</span>
              {p.window && <span className="place-window">{p.window}</span>}
            </p>
            <dl className="place-facts">
              {p.address && (
                <div>
                  <dt>地址</dt>
                  <dd>{p.address}</dd>
                </div>
              )}
              {p.hoursText && (
                <div>
                  <dt>办公时间</dt>
                  <dd>工作日 {p.hoursText}</dd>
                </div>
              )}
              {p.phone && (
                <div>
                  <dt>电话</dt>
                  <dd>
                    <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
      {villages.length > 0 && (
        <>
          <h3 className="guide-subtitle">就近在村便民服务室办理（{proxy ? '代办员代办、帮办' : '申请人本人到场登记'}，免费）</h3>
          {towns.map((town) => (
            <div key={town} className="villages">
              {town && <p className="villages-town">{town}下辖：</p>}
              <ul>
                {villages
                  .filter((v) => (v.parentName ?? '') === town)
                  .map((v) => (
                    <li key={v.orgId}>
                      <span className="village-name">{v.centerName}</span>
                      {v.address && <span className="village-address">{v.address}</span>}
                      {v.officeDay && <span className="village-office-day">{v.officeDay}固定办公</span>}
                      {v.phone && <a href={`tel:${v.phone.replace(/[^\d+]/g, '')}`}>{v.phone}</a>}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </>
  );
}

/**
 * 办事指南 (/items/<code>): the eight public fields of an item (八公开), where it can be done, its FAQ; printable on
 * A4 (site.css @media print) and read aloud. The three reads go out at once; the guide shows as soon as it arrives.
 */
export function ItemGuide({ code }: { code: string }) {
  const [item, setItem] = useState<Answer<Item> | null>(null);
  const [places, setPlaces] = useState<Answer<ItemPlaces> | null>(null);
  const [faq, setFaq] = useState<Answer<PublicFaq> | null>(null);
  useEffect(() => {
    void getItem(code).then(setItem);
    void getPlaces(code).then(setPlaces);
    void getFaq(code).then(setFaq);
  }, [code]);

  useEffect(() => {
    if (item?.ok) document.title = `${item.data.name} · 办事指南 · 便民服务平台`;
  }, [item]);

  if (!item) return <p className="hint">正在打开办事指南…</p>;
  if (!item.ok || item.data.status !== 'active') {
    return (
      <>
        <h1>办事指南</h1>
        <p className="problem" role="alert">
          {item.ok ? `“${item.data.name}”已停用${item.data.retiredReason ? `：${item.data.retiredReason}` : ''}。` : FAILURES[item.failure]}
        </p>
        <p>
          <a href="/">回到首页查找</a>
        </p>
      </>
    );
  }
  const it = item.data;
  const placeList = places?.ok ? places.data.places : null;
  const entries = faq?.ok ? faq.data.entries : [];

  return (
    <article className="guide" data-testid="item-guide">
      <nav className="crumbs" aria-label="位置">
        <a href="/">首页</a>
        <span aria-hidden="true"> › </span>
        <a href={`/categories/${encodeURIComponent(it.category)}`}>{it.category}</a>
      </nav>
      <h1>{it.name}</h1>
      <p className="guide-sub">
        事项编码 {it.code} · {it.department}
        {it.aliases.length > 0 && <> · 俗称：{it.aliases.join('、')}</>}
      </p>
      <div className="guide-actions">
        {it.onlineAllowed && (
          <a className="apply-button" href={`/account/apply/${encodeURIComponent(it.code)}`} data-testid="apply-online">
            网上申请
          </a>
        )}
        <ReadAloud text={() => guideSpeech(it, placeList)} />
        <button type="button" className="print-button" onClick={() => window.print()}>
          打印
        </button>
      </div>

      <dl className="figures">
        <div>
          <dt>承诺时限</dt>
          <dd className="key-figure">{limitText(it)}</dd>
        </div>
        <div>
          <dt>收费</dt>
          <dd className="key-figure">{feeText(it)}</dd>
        </div>
      </dl>
      {(it.inPersonRequired || !it.proxyAllowed) && (
        <p className="guide-note">{it.inPersonRequired ? '须申请人本人到场办理，不能代办。' : '本事项不能代办。'}</p>
      )}

      <section className="guide-part">
        <h2>办理条件</h2>
        <p className="guide-text">{it.conditions}</p>
      </section>

      <section className="guide-part">
        <h2>申报材料</h2>
        <ol className="materials">
          {it.materials.map((m) => (
            <li key={m.name}>
              <span className="material-name">{m.name}</span>
              <span className="material-facts">
                {m.main ? '必须提供' : '附件，有则提供'} · {materialText(m)}
                {m.promisable ? ' · 可告知承诺（网上申请时可承诺提供）' : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section className="guide-part">
        <h2>办事程序</h2>
        <ol className="steps">
          {it.steps.map((s, i) => (
            <li key={`${i}-${s}`}>{s}</li>
          ))}
        </ol>
        {it.specialSteps.length > 0 && (
          <p className="guide-text">
            {it.specialSteps.map((s) => `${s.name} ${s.limitDays} 天${s.countsTowardLegal ? '' : '（不计入办理时限）'}`).join('；')}。
          </p>
        )}
      </section>

      <section className="guide-part">
        <h2>服务时限</h2>
        <p className="guide-text">
          {it.legalDays !== null && <>法定时限 {it.legalDays} 个工作日，</>}
          {it.kind === 'immediate' ? '即办件：材料齐全、符合条件的当场办结。' : `承诺时限 ${it.promisedDays} 个工作日，从受理之日起计算。`}
        </p>
      </section>

      <section className="guide-part">
        <h2>办理结果</h2>
        <p className="guide-text">{it.result}</p>
      </section>

      <section className="guide-part">
        <h2>收费标准</h2>
        <p className="guide-text">
          {feeText(it)}
          {it.fee.basis && it.fee.basis !== '不收费' && <>（依据：{it.fee.basis}）</>}
        </p>
      </section>

      <section className="guide-part">
        <h2>设定依据</h2>
        <ul className="basis">
          {it.basis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </section>

      {it.publicNotes && (
        <section className="guide-part">
          <h2>温馨提示</h2>
          <p className="guide-text">{it.publicNotes}</p>
        </section>
      )}

      <section className="guide-part" data-testid="item-places">
        <h2>在哪里办</h2>
        {places === null && <p className="hint">正在查找办理地点…</p>}
        {places && !places.ok && <p className="problem">{FAILURES[places.failure]}</p>}
        {placeList && <Places places={placeList} proxy={it.proxyAllowed && !it.inPersonRequired} />}
      </section>

      {entries.length > 0 && (
        <section className="guide-part" data-testid="item-faq">
          <h2>常见问题</h2>
          <dl className="faq">
            {entries.map((f) => (
              <div key={f.id}>
                <dt>问：{f.question}</dt>
                <dd>
                  答：{f.answer}
                  <span className="faq-source">（{f.orgName}）</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <p className="guide-more no-print">
        还有不清楚的？<a href={`/consult`}>网上咨询</a>
      </p>
      <p className="print-only guide-printed">本办事指南打印自便民服务平台，以各便民服务中心公布的为准。</p>
    </article>
  );
}

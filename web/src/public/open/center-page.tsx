import { useEffect, useState, type ReactNode } from 'react';
import { getCenter, getResults, type FinishedCases, type Loaded, type PublicCenter } from './open-api';
import { DutyRoster } from './duty-roster';
import { OpenLink } from './open-app';

type Staff = PublicCenter['staff'][number];
type Month = PublicCenter['months'][number];

/** 2026-12-07 → 2026年12月7日 (a local date as the server gives it: no time zone to convert). */
const dateText = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const monthText = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * The staff photo from the file store, or the name's first character in a circle when there is none: the page asks
 * only for photos the center's answer says exist (photoUrl), and falls back the same way if one fails to load.
 */
function StaffPhoto({ staff }: { staff: Staff }) {
  const [failed, setFailed] = useState(false);
  if (!staff.photoUrl || failed) {
    return (
      <span className="staff-photo staff-initial" aria-hidden="true">
        {Array.from(staff.name)[0] ?? ''}
      </span>
    );
  }
  return <img className="staff-photo" src={staff.photoUrl} alt={`${staff.name}的照片`} onError={() => setFailed(true)} />;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card open-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function MonthFigures({ months }: { months: Month[] }) {
  return (
    <div className="open-months">
      {months.map((m, i) => (
        <div key={m.month} className="open-month" data-testid="open-month">
          <h3>
            {monthText(m.month)}
            {i === 0 ? '（本月至今）' : ''}
          </h3>
          <dl>
            <div>
              <dt>受理</dt>
              <dd className="key-figure">{m.received}</dd>
            </div>
            <div>
              <dt>办结</dt>
              <dd className="key-figure">{m.finished}</dd>
            </div>
            <div>
              <dt>按时办结率</dt>
              <dd className="key-figure">{percent(m.onTimeRate)}</dd>
            </div>
            <div>
              <dt>好评率{m.rated > 0 ? `（${m.rated} 条评价）` : ''}</dt>
              <dd className="key-figure">{percent(m.goodRate)}</dd>
            </div>
          </dl>
        </div>
      ))}
    </div>
  );
}

function Results({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const [results, setResults] = useState<Loaded<FinishedCases> | null>(null);
  useEffect(() => {
    let live = true;
    void getResults(id, page).then((r) => live && setResults(r));
    return () => {
      live = false;
    };
  }, [id, page]);
  if (results === null) return <p aria-live="polite">正在加载……</p>;
  if (!results.ok) return <p className="problem">{results.title}</p>;
  const { results: rows, total, pageSize } = results.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return <p className="hint">还没有办结的办件。</p>;
  return (
    <>
      <ul className="open-results">
        {rows.map((r) => (
          <li key={r.caseNo} data-testid="open-result">
            <div className="open-result-item">{r.itemName}</div>
            <div className="open-result-meta">
              <span>申请人 {r.applicantName}</span>
              <span>{dateText(r.finishedOn)}办结</span>
              <span className={r.onTime ? 'tag tag-ok' : 'tag tag-late'}>{r.onTime ? '按时办结' : '超期办结'}</span>
            </div>
            <div className="open-result-no">办件编号 {r.caseNo}</div>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="open-pager" aria-label="办结公示翻页">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span>
            第 {page} / {pages} 页，共 {total} 件
          </span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </nav>
      )}
    </>
  );
}

/** /open/<id>: one center's 政务公开, in sections a villager reads from the top: how to reach it, notices, who is here. */
export function CenterPage({ id, open }: { id: string; open: (id: string | null) => void }) {
  const [center, setCenter] = useState<Loaded<PublicCenter> | null>(null);
  useEffect(() => {
    void getCenter(id).then((c) => {
      setCenter(c);
      if (c.ok) document.title = `${c.data.name} · 政务公开`;
    });
  }, [id]);
  const back = (
    <p className="open-back">
      <OpenLink to={null} open={open}>
        ‹ 全部中心
      </OpenLink>
    </p>
  );
  if (center === null) {
    return (
      <>
        {back}
        <p aria-live="polite">正在加载……</p>
      </>
    );
  }
  if (!center.ok) {
    return (
      <>
        {back}
        <p className="problem">{center.title}</p>
      </>
    );
  }
  const c = center.data;
  return (
    <>
      {back}
      <h1>{c.name}</h1>
      <p className="lead">
        政务公开
        {c.parent && (
          <>
            {' · 上级：'}
            <OpenLink to={c.parent.id} open={open}>
              {c.parent.name}
            </OpenLink>
          </>
        )}
      </p>

      <Section id="open-contact" title="地址和办公时间">
        <dl className="dates open-contact">
          {c.address && (
            <div>
              <dt>地址</dt>
              <dd>{c.address}</dd>
            </div>
          )}
          <div>
            <dt>办公时间</dt>
            <dd>
              {c.officeHours.sessions.map((s) => `${s.start}—${s.end}`).join('，')}
              <br />
              <small>法定节假日除外</small>
            </dd>
          </div>
          {c.phone && (
            <div>
              <dt>咨询电话</dt>
              <dd>
                <a href={telHref(c.phone)}>{c.phone}</a>
              </dd>
            </div>
          )}
          {c.supervisionPhone && (
            <div>
              <dt>监督电话</dt>
              <dd>
                <a href={telHref(c.supervisionPhone)} data-testid="open-supervision-phone">
                  {c.supervisionPhone}
                </a>
              </dd>
            </div>
          )}
          {c.takesNumbers && (
            <div>
              <dt>排队取号</dt>
              <dd>
                <a href={`/hall/take/${encodeURIComponent(c.id)}`} data-testid="open-take-number">
                  手机取号
                </a>
                {' · '}
                <a href="/account/appointments">网上预约</a>
                <br />
                <small>在家取号，快到时再来大厅</small>
              </dd>
            </div>
          )}
        </dl>
      </Section>

      <Section id="open-notices" title="公告">
        {c.notices.length === 0 ? (
          <p className="hint">目前没有公告。</p>
        ) : (
          <ul className="open-notices">
            {c.notices.map((n) => (
              <li key={n.id} data-testid="open-notice">
                <details open={c.notices.length <= 2}>
                  <summary>
                    <span className="open-notice-title">{n.title}</span>
                    <span className="open-notice-date">
                      {dateText(n.startDate)}发布{n.endDate ? `，公示至${dateText(n.endDate)}` : ''}
                    </span>
                  </summary>
                  <p className="open-notice-body">{n.body}</p>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="open-staff" title={`今日工作人员（${dateText(c.today)}）`}>
        {c.staff.length === 0 ? (
          <p className="hint">暂无工作人员信息。</p>
        ) : (
          <ul className="open-staff">
            {c.staff.map((s) => (
              <li key={s.userId} data-testid="open-staff">
                <StaffPhoto staff={s} />
                <div className="open-staff-text">
                  <div className="open-staff-name">
                    {s.name}
                    <span className={s.whereabouts === '在岗' ? 'tag tag-ok' : 'tag tag-away'}>{s.whereabouts}</span>
                  </div>
                  <div className="open-staff-post">{s.post}</div>
                  {(['A', 'B'] as const).map((post) => {
                    const names = s.windows.filter((w) => w.post === post).map((w) => w.name);
                    return names.length > 0 ? (
                      <div key={post} className="open-staff-windows">
                        {post}岗：{names.join('、')}
                      </div>
                    ) : null;
                  })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {c.level !== 'village' && (
        <Section id="open-duty" title="领导带班">
          <DutyRoster id={c.id} today={c.today} />
        </Section>
      )}

      <Section id="open-figures" title="办件和评价">
        <MonthFigures months={c.months} />
      </Section>

      <Section id="open-results" title="办结公示">
        <p className="hint">为保护个人信息，申请人姓名只显示第一个字，不公开身份证号和电话。</p>
        <Results id={c.id} />
      </Section>

      {c.ranking && (
        <Section id="open-ranking" title={`考核排名（${c.ranking.month.slice(0, 4)}年${Number(c.ranking.month.slice(5))}月）`}>
          <p className="hint">每月百分制考核，满分 100 分，加分最多到 110 分。</p>
          {[['窗口', c.ranking.windows] as const, ['工作人员', c.ranking.people] as const].map(([label, list]) =>
            list.length === 0 ? null : (
              <table key={label} className="open-ranking" data-testid="open-ranking" style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12, textAlign: 'left' }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{label}</caption>
                <thead>
                  <tr><th style={{ width: '4em' }}>名次</th><th>{label === '窗口' ? '窗口' : '姓名'}</th><th style={{ width: '4em' }}>得分</th></tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={`${r.rank}-${r.name}`}><td>{r.rank}</td><td>{r.name}</td><td>{r.score}</td></tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
        </Section>
      )}

      <Section id="open-complaints" title="投诉处理结果">
        {c.complaints.length === 0 ? (
          <p className="hint">近期没有办结的投诉。</p>
        ) : (
          <ul className="open-complaints">
            {c.complaints.map((x, i) => (
              <li key={i} data-testid="open-complaint">
                <div className="open-complaint-title">{x.title}</div>
                <p>{x.outcome}</p>
                <small>{dateText(x.date)}答复</small>
              </li>
            ))}
          </ul>
        )}
        <p className="hint">
          对我们的工作有意见，可以<a href="/complaint">网上投诉</a>
          {c.supervisionPhone && (
            <>
              ，或拨打监督电话 <a href={telHref(c.supervisionPhone)}>{c.supervisionPhone}</a>
            </>
          )}
          。
        </p>
      </Section>

      {c.children.length > 0 && (
        <Section id="open-children" title={c.level === 'county' ? '下设便民服务中心' : '下设便民服务室'}>
          <ul className="open-children">
            {c.children.map((v) => (
              <li key={v.id}>
                <OpenLink to={v.id} open={open}>
                  {v.name}
                </OpenLink>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

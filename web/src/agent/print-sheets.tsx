/**
 * The sheets an agent prints on A4 from the phone or the office computer: 代理服务委托书 (the villager's signed
 * authorisation — also before registration, filled from the form), 补正材料一次性告知书 (as issued by the center that
 * sent it, rule 10), 办理结果单 (an item finished on the spot) and 报送清单 (what went to the township in a batch,
 * signed by whoever hands it over and whoever receives it). On screen each is a page with 返回 and 打印. Printed
 * links and QR codes use the deployment's public address (GET /api/settings), never the address of this page.
 */
import { useEffect, type ReactNode } from 'react';
import { hoursText } from '@domain/agents/venue';
import { progressUrlAt } from '@domain/papers/progress-url';
import { api } from './api';
import { loadDraft } from './draft';
import { chineseDate, chineseDateTime } from './format';
import {
  cachedItems,
  getBatch,
  getCase,
  getPaper,
  getPrintSettings,
  officeName,
  progressQrSrc,
  recordPrint,
  villageName,
  type Item,
  type Me,
  type PaperCenter,
} from './model';
import { BASE, navigate } from './router';
import { Alert, LoadFailed, Loading, useLoad } from './ui';

const withSuffix = (name: string, suffix: string) => (!name || name.endsWith(suffix) ? name : `${name}${suffix}`);
const looksLikeId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value);
const BLANK_DATE = '　　　　年　　月　　日';

function Sheet({
  back,
  title,
  children,
  banner,
  onPrint,
}: {
  back: string;
  title: string;
  children: ReactNode;
  banner?: ReactNode;
  /** called as 打印 is pressed (the print record); printing never waits for it */
  onPrint?: () => void;
}) {
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · 便民服务平台`;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="sheet-page">
      <div className="sheet-toolbar no-print">
        <button type="button" className="btn btn-secondary" onClick={() => navigate(back)}>
          ‹ 返回
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            onPrint?.();
            window.print();
          }}
        >
          打印
        </button>
      </div>
      {banner && <div className="no-print sheet-banner">{banner}</div>}
      <article className="sheet" aria-label={title}>
        {children}
      </article>
      <p className="no-print muted sheet-tip">用 A4 纸打印。手机上点“打印”后可选择连接的打印机，或保存为 PDF 再到电脑上打印。</p>
    </div>
  );
}

function useCase(caseId: string) {
  return useLoad(`case:${caseId}`, () => getCase(caseId));
}

/** The configured public address (never this page's), or null: printed links and QR codes use only it. */
function usePublicUrl(): string | null {
  return useLoad('print-settings', () => getPrintSettings().catch(() => null)).data?.publicUrl ?? null;
}

/** Where villagers look up progress: before registration the page only; after it, the case's own link. */
function ProgressLine({ caseNo, children }: { caseNo: string | null; children?: ReactNode }) {
  const url = usePublicUrl();
  const link = url && caseNo ? progressUrlAt(url, caseNo) : url ? `${url}/progress` : null;
  return (
    <p className="sheet-foot">
      {children}
      {caseNo ? `凭办件编号 ${caseNo} ` : '登记后凭办件编号'}和登记电话后四位，可{link ? `在 ${link} ` : '向代办员'}查询办理进度。
    </p>
  );
}

/** The seal, and beside it the QR code of the case's progress page (`link`) as on the centers' papers. */
function StampWithQr({ caseNo, link, children }: { caseNo: string | null; link: string | null; children: ReactNode }) {
  return (
    <div className="sheet-bottom">
      {caseNo && link && (
        <figure className="sheet-qr">
          <img src={progressQrSrc(caseNo)} alt={`办理进度查询二维码：${link}`} width={112} height={112} />
          <figcaption>扫码查询办理进度（需输入登记电话后四位）</figcaption>
        </figure>
      )}
      <p className="sheet-stamp">{children}</p>
    </div>
  );
}

/** The case's public progress page, or null before registration or without a public address. */
function useProgressLink(caseNo: string | null): string | null {
  const url = usePublicUrl();
  return url && caseNo ? progressUrlAt(url, caseNo) : null;
}

function Signature({ label }: { label: string }) {
  return (
    <div className="sign">
      <span>{label}：</span>
      <span className="sign-line" />
      <span className="sign-date">日期：{BLANK_DATE}</span>
    </div>
  );
}

// ------------------------------------------------------------------------------------------------ 委托书

interface AuthorizationFacts {
  /** null before registration: the number is written in after */
  caseNo: string | null;
  applicant: { name: string; idNumber: string; phone: string; address?: string | null };
  itemName: string;
  itemCode: string;
}

function AuthorizationContent({ me, f }: { me: Me; f: AuthorizationFacts }) {
  const link = useProgressLink(f.caseNo);
  return (
    <>
      <h1 className="sheet-title">代理服务委托书</h1>
      <p className="sheet-no">办件编号：{f.caseNo ?? <span className="sign-line sign-line-short" />}</p>
      <table className="sheet-table sheet-form">
        <tbody>
          <tr>
            <th rowSpan={2}>委托人</th>
            <td>
              姓名：{f.applicant.name}
              <br />
              身份证号码：{f.applicant.idNumber}
            </td>
          </tr>
          <tr>
            <td>
              联系电话：{f.applicant.phone}
              {f.applicant.address ? (
                <>
                  <br />
                  住址：{f.applicant.address}
                </>
              ) : null}
            </td>
          </tr>
          <tr>
            <th>受托人</th>
            <td>
              {me.name}（{officeName(me)}代办员）
              {me.org?.phone ? `，联系电话：${me.org.phone}` : ''}
            </td>
          </tr>
          <tr>
            <th>委托事项</th>
            <td>
              {f.itemName}（事项编码 {f.itemCode}）
            </td>
          </tr>
          <tr>
            <th>委托权限</th>
            <td>
              <ol className="sheet-ol">
                <li>代为向便民服务中心提交申请和申报材料；</li>
                <li>代为接收办理过程中的补正告知、受理通知等文书，并及时转告委托人；</li>
                <li>代为领取办理结果，并及时交付委托人。</li>
              </ol>
              受托人不得超出上述权限办理其他事项，不得泄露委托人的个人信息。
            </td>
          </tr>
          <tr>
            <th>委托期限</th>
            <td>自本委托书签字之日起，至本事项办结、办理结果交付委托人之日止。</td>
          </tr>
        </tbody>
      </table>
      <p className="sheet-para">委托人保证提供的申报材料真实、有效，并对其真实性负责。</p>
      <p className="sheet-free">代办服务不收取任何费用</p>
      <div className="sheet-signs">
        <Signature label="委托人（签字或按手印）" />
        <Signature label="受托人（签字）" />
      </div>
      <StampWithQr caseNo={f.caseNo} link={link}>
        {officeName(me)}（盖章）
      </StampWithQr>
      <ProgressLine caseNo={f.caseNo}>本委托书一式两份，委托人、受托人各执一份。</ProgressLine>
    </>
  );
}

export function AuthorizationSheet({ me, caseId }: { me: Me; caseId: string }) {
  const loaded = useCase(caseId);
  const back = `${BASE}/cases/${encodeURIComponent(caseId)}`;
  const c = loaded.data;
  if (!c) return <div className="page">{loaded.error ? <LoadFailed error={loaded.error} retry={loaded.reload} /> : <Loading />}</div>;
  return (
    <Sheet back={back} title="代理服务委托书">
      <AuthorizationContent me={me} f={{ caseNo: c.caseNo, applicant: c.applicant, itemName: c.itemName, itemCode: c.itemCode }} />
    </Sheet>
  );
}

/**
 * 代办 before registration: the authorisation filled from the request being typed (kept on the phone), printed
 * for the villager to sign first; the case number is written in once registered.
 */
export function DraftAuthorizationSheet({ me }: { me: Me }) {
  const draft = loadDraft(me.id);
  const item = cachedItems(me.orgId)?.find((i) => i.code === draft?.itemCode);
  const back = `${BASE}/new`;
  if (!draft || !item) {
    return (
      <Sheet back={back} title="代理服务委托书">
        <Alert tone="warn">请先在“新请求”中选择事项、填写申请人，再打印委托书。</Alert>
      </Sheet>
    );
  }
  return (
    <Sheet
      back={back}
      title="代理服务委托书"
      banner={<Alert tone="info">请群众核对后签字或按手印，再点“返回”提交登记。登记后把办件编号填在委托书上。</Alert>}
    >
      <AuthorizationContent
        me={me}
        f={{
          caseNo: null,
          applicant: { name: draft.name.trim(), idNumber: draft.idNumber.trim().toUpperCase(), phone: draft.phone.trim(), address: draft.address.trim() || null },
          itemName: item.name,
          itemCode: item.code,
        }}
      />
    </Sheet>
  );
}

// ------------------------------------------------------------------------------------------------ 一次性告知书

const centerTitle = (c: PaperCenter) => c.centerName || c.name;

/**
 * 补正材料一次性告知书, printed in the village: headed and sealed by the center that issued it (the village for its
 * own notice, the township for one its window sent), listing every material to bring, where and by when.
 */
export function SupplementNoticeSheet({ caseId }: { caseId: string }) {
  const loaded = useLoad(`paper:supplement:${caseId}`, () => getPaper(caseId, 'supplement'));
  const back = `${BASE}/cases/${encodeURIComponent(caseId)}`;
  const p = loaded.data;
  if (!p) return <div className="page">{loaded.error ? <LoadFailed error={loaded.error} retry={loaded.reload} /> : <Loading />}</div>;
  const notice = p.case.supplementNotice;
  const issuer = centerTitle(p.issuer);
  const hours = hoursText(p.issuer.officeHours ?? null);
  const viaVillage = p.receivedBy ? centerTitle(p.receivedBy) : null;
  return (
    <Sheet back={back} title={p.title} onPrint={() => void recordPrint(caseId, 'supplement').catch(() => undefined)}>
      <div className="sheet-issuer">{issuer}</div>
      <h1 className="sheet-title">{p.title}</h1>
      <p className="sheet-no">编号：{p.case.caseNo}</p>
      <p className="sheet-para">{p.case.applicant.name}：</p>
      <p className="sheet-para">
        您{p.event ? `于${chineseDate(p.event.at)}` : ''}申请办理的“{p.case.itemName}”事项，经审查，申请材料不齐全或者不符合法定形式。按照一次性告知制度，现将需要补正的
        <strong>全部</strong>材料一次性告知如下：
      </p>
      <table className="sheet-table sheet-materials" data-testid="supplement-list">
        <thead>
          <tr>
            <th>序号</th>
            <th>材料名称</th>
          </tr>
        </thead>
        <tbody>
          {(notice?.missing ?? []).map((name, i) => (
            <tr key={name}>
              <td>{i + 1}</td>
              <td>{name}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notice?.defectNote && <p className="sheet-para">补正说明：{notice.defectNote}</p>}
      <p className="sheet-para" data-testid="supplement-where">
        请于<strong>{p.supplementBy ? chineseDate(p.supplementBy) : `${p.supplementDays} 个工作日内`}</strong>
        {p.supplementBy ? '前' : ''}，将上述材料送交{issuer}
        {p.windowName ? ` ${p.windowName}` : ''}
        {viaVillage ? `，或交${viaVillage}代办员转交` : ''}。办理时限自收到齐全的补正材料之日起计算。
      </p>
      <p className="sheet-para">以上为需要补正的全部材料，不会再要求您提交本告知书所列以外的材料。</p>
      <table className="sheet-table sheet-form">
        <tbody>
          <tr>
            <th>经办人</th>
            <td>{p.event?.by ?? ''}</td>
          </tr>
          <tr>
            <th>联系电话</th>
            <td>{p.issuer.phone ?? ''}</td>
          </tr>
          <tr>
            <th>办公地址</th>
            <td>{p.issuer.address ?? ''}</td>
          </tr>
          {hours && (
            <tr>
              <th>办公时间</th>
              <td>工作日 {hours}（法定节假日除外）</td>
            </tr>
          )}
          {p.supervisionPhone && (
            <tr>
              <th>监督电话</th>
              <td>{p.supervisionPhone}</td>
            </tr>
          )}
        </tbody>
      </table>
      <StampWithQr caseNo={p.case.caseNo} link={p.progressUrl}>
        {issuer}（盖章）
        <br />
        {p.event ? chineseDate(p.event.at) : BLANK_DATE}
      </StampWithQr>
      <div className="sheet-signs">
        <Signature label="申请人签收" />
      </div>
      <p className="sheet-foot">
        本告知书一式两份，申请人和{issuer}各执一份。{p.progressUrl ? `查询网址：${p.progressUrl}` : ''}
      </p>
    </Sheet>
  );
}

// ------------------------------------------------------------------------------------------------ 结果单

export function ResultSheet({ me, caseId }: { me: Me; caseId: string }) {
  const loaded = useCase(caseId);
  const c = loaded.data;
  const item = useLoad(`item:${c?.itemCode ?? ''}`, () =>
    c ? api<Item>(`/items/${encodeURIComponent(c.itemCode)}`).catch(() => null) : Promise.resolve(null),
  );
  const link = useProgressLink(c?.caseNo ?? null);
  const back = `${BASE}/cases/${encodeURIComponent(caseId)}`;
  if (!c) return <div className="page">{loaded.error ? <LoadFailed error={loaded.error} retry={loaded.reload} /> : <Loading />}</div>;
  const completed = [...c.events].reverse().find((e) => e.type === 'complete');
  const approved = c.outcome === 'approved';
  return (
    <Sheet
      back={back}
      title="办理结果单"
      banner={!approved ? <Alert tone="warn">本件尚未准予办结，不能出具办理结果单。</Alert> : undefined}
    >
      <h1 className="sheet-title">办理结果单</h1>
      <p className="sheet-no">办件编号：{c.caseNo}</p>
      <table className="sheet-table sheet-form">
        <tbody>
          <tr>
            <th>申请人</th>
            <td>
              {c.applicant.name}（身份证号码 {c.applicant.idNumber}）
            </td>
          </tr>
          <tr>
            <th>办理事项</th>
            <td>{c.itemName}</td>
          </tr>
          <tr>
            <th>办理结果</th>
            <td>
              {approved ? '准予办理' : '尚未办结'}
              {item.data?.result ? `，出具${item.data.result}` : ''}
              {c.resultNo ? `（编号：${c.resultNo}）` : ''}
            </td>
          </tr>
          <tr>
            <th>受理时间</th>
            <td>{chineseDateTime(c.acceptedAt ?? c.createdAt)}</td>
          </tr>
          <tr>
            <th>办结时间</th>
            <td>{completed ? chineseDateTime(completed.at) : ''}</td>
          </tr>
          <tr>
            <th>经办人</th>
            <td>
              {completed?.by || me.name}（{officeName(me)}）
            </td>
          </tr>
        </tbody>
      </table>
      {item.data?.fee?.amount === 0 && <p className="sheet-free">本事项不收取任何费用</p>}
      <div className="sheet-signs">
        <Signature label="申请人签收" />
      </div>
      <StampWithQr caseNo={c.caseNo} link={link}>
        {officeName(me)}（盖章）
        <br />
        {completed ? chineseDate(completed.at) : BLANK_DATE}
      </StampWithQr>
      <ProgressLine caseNo={c.caseNo} />
    </Sheet>
  );
}

// ------------------------------------------------------------------------------------------------ 报送清单

export function BatchSheet({ me, batchId, justSent }: { me: Me; batchId: string; justSent: boolean }) {
  const loaded = useLoad(`batch:${batchId}`, () => getBatch(batchId));
  const b = loaded.data;
  if (!b) return <div className="page">{loaded.error ? <LoadFailed error={loaded.error} retry={loaded.reload} /> : <Loading />}</div>;
  const cases = b.cases ?? [];
  const village = withSuffix(b.villageName || villageName(me), '便民服务室');
  const township = withSuffix(b.townshipName, '便民服务中心');
  return (
    <Sheet
      back={`${BASE}/batches`}
      title="报送清单"
      banner={
        justSent ? (
          <Alert tone="ok" title="本周批次已报送">
            共 {cases.length} 件。请打印报送清单，连同材料一起移交{township}，双方签字后各留一份。
          </Alert>
        ) : undefined
      }
    >
      <h1 className="sheet-title">村级代办事项报送清单</h1>
      <div className="sheet-meta">
        <span>报送单位：{village}</span>
        <span>接收单位：{township}</span>
        <span>批次编号：{b.batchNo}</span>
        <span>报送时间：{chineseDateTime(b.sentAt)}</span>
      </div>
      <table className="sheet-table sheet-list" data-testid="batch-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>办件编号</th>
            <th>办理事项</th>
            <th>申请人</th>
            <th>移交材料</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => (
            <tr key={c.id}>
              <td data-label="序号">{i + 1}</td>
              <td data-label="办件编号" className="nowrap-no">
                {c.caseNo}
              </td>
              <td data-label="办理事项">{c.itemName}</td>
              <td data-label="申请人">{c.applicantName}</td>
              <td data-label="移交材料">{c.materials.length ? c.materials.map((m, j) => <div key={j}>{m}</div>) : '无'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet-para">
        本批共 {cases.length} 件，移交材料 {cases.reduce((n, c) => n + c.materials.length, 0)} 项。
        {b.sentBy && !looksLikeId(b.sentBy) ? `报送人：${b.sentBy}。` : ''}
        {b.receivedAt ? `已于 ${chineseDateTime(b.receivedAt)} 由${b.receivedBy && !looksLikeId(b.receivedBy) ? b.receivedBy : '乡镇'}接收。` : ''}
      </p>
      <div className="sheet-signs">
        <Signature label="移交人（签字）" />
        <Signature label="接收人（签字）" />
      </div>
      <p className="sheet-foot">本清单一式两份，{village}、{township}各留存一份。</p>
    </Sheet>
  );
}


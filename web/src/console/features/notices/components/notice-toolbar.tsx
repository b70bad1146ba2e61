import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { useRecordedPrint } from '@/hooks/use-recorded-print';
import { applicableNotices, NOTICE_LABELS, type NoticeType } from '@/lib/notices';
import type { Paper } from '../api/get-paper';
import { useRecordPrint } from '../api/prints';

/**
 * Above the sheet, never printed: back to the case, the case's other papers, and 打印 — which first records the
 * print (paper, issuer, who, when, what it said) and then opens the browser's print dialog. A print started from
 * the browser's own menu (Ctrl+P) is recorded too.
 */
export function NoticeToolbar({ caseId, current, paper }: { caseId: string; current: string; paper: Paper | undefined }) {
  const others = paper ? applicableNotices(paper.case).filter((t) => t !== current) : [];
  const record = useRecordPrint(caseId);
  const print = useRecordedPrint(record.mutate, paper ? { variables: paper.paper } : null, '已登记本次打印，可在办件页面的“打印记录”中查看。');

  return (
    <div className="page-header no-print">
      <Space wrap>
        <Link to="/cases/$id" params={{ id: caseId }}>
          <Button icon={<ArrowLeftOutlined />}>返回办件</Button>
        </Link>
        {others.map((type: NoticeType) => (
          <Link key={type} to="/cases/$id/notice/$type" params={{ id: caseId, type }}>
            <Button type="link">{NOTICE_LABELS[type]}</Button>
          </Link>
        ))}
      </Space>
      <Button type="primary" icon={<PrinterOutlined />} disabled={!paper} loading={record.isPending} onClick={() => paper && print(paper.paper)}>
        打印
      </Button>
    </div>
  );
}

/** What the clerk must know before handing the paper out; on screen only, never on the paper. */
export function NoticeWarnings({ paper }: { paper: Paper }) {
  const issuer = paper.issuer.centerName ?? paper.issuer.name;
  const missing = [!paper.issuer.address && '地址', !paper.issuer.phone && '电话'].filter(Boolean);
  return (
    <div className="notice-warnings no-print">
      {!paper.publicUrl && (
        <Alert
          type="warning"
          showIcon
          data-testid="warning-public-url"
          title="未设置公网地址，本通知书不印办理进度二维码"
          description="本系统还不知道群众手机能打开的地址，为免印上只能在内网打开的地址，通知书上改印“到窗口或电话查询”。请系统管理员在“系统设置”中填写公网地址（或设置环境变量 PUBLIC_URL）。"
        />
      )}
      {!paper.supervisionPhone && (
        <Alert type="warning" showIcon title="未设置监督电话" description="通知书上应印县级监督电话。请系统管理员在“系统设置”中填写。" />
      )}
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={`出具机构“${issuer}”未登记${missing.join('和')}`} description="通知书上相应位置留空，可手工填写。请系统管理员在“组织机构”中补充。" />
      )}
    </div>
  );
}

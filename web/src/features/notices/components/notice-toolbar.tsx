import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import type { NoticeCase } from '../api/get-case';
import { applicableNotices, NOTICE_LABELS, type NoticeType } from '@/lib/notices';

/** Above the sheet, never printed: back to the case, print, and the case's other notices. */
export function NoticeToolbar({ c, caseId, current, printable }: { c: NoticeCase | undefined; caseId: string; current: string; printable: boolean }) {
  const others = c ? applicableNotices(c).filter((t) => t !== current) : [];
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
      <Button type="primary" icon={<PrinterOutlined />} disabled={!printable} onClick={() => window.print()}>
        打印
      </Button>
    </div>
  );
}

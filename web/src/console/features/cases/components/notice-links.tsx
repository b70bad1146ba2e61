import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { applicableNotices, NOTICE_LABELS } from '@/lib/notices';
import type { Case } from '../api/case-schema';

/** 打印通知书: links to the printable notices (/cases/$id/notice/$type). */
export function NoticeLinks({ c }: { c: Case }) {
  const types = applicableNotices(c);
  return (
    <Card title="打印通知书" size="small" style={{ marginBottom: 16 }}>
      {types.length === 0 ? (
        <Typography.Text type="secondary">本件目前没有需要出具的通知书。</Typography.Text>
      ) : (
        <Space wrap>
          {types.map((t) => (
            <Link key={t} to="/cases/$id/notice/$type" params={{ id: c.id, type: t }}>
              <Button icon={<PrinterOutlined />}>{NOTICE_LABELS[t]}</Button>
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}

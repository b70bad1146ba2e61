import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title, a line saying what it is for, and its main actions on the right. */
export function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-header no-print">
      <div>
        <Typography.Title level={3}>{title}</Typography.Title>
        {description && <Typography.Text type="secondary">{description}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}

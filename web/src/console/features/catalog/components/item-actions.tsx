import { EditOutlined, HistoryOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Item } from '../api/item-schema';
import { ItemHistoryDrawer } from './item-history-drawer';
import { RetireItemModal } from './retire-item-modal';

/** Print for everyone; edit, retire and the history for those who maintain the catalog. */
export function ItemActions({ item, canManage }: { item: Item; canManage: boolean }) {
  const [retireOpen, setRetireOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  return (
    <Space wrap className="no-print">
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
        打印办事指南
      </Button>
      {canManage && (
        <>
          <Link to="/catalog/$code/edit" params={{ code: item.code }}>
            <Button icon={<EditOutlined />} disabled={item.status === 'retired'}>
              编辑
            </Button>
          </Link>
          <Button danger icon={<StopOutlined />} disabled={item.status === 'retired'} onClick={() => setRetireOpen(true)}>
            停用
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
            修改记录
          </Button>
          <RetireItemModal item={item} open={retireOpen} onClose={() => setRetireOpen(false)} />
          <ItemHistoryDrawer code={item.code} open={historyOpen} onClose={() => setHistoryOpen(false)} />
        </>
      )}
    </Space>
  );
}

import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useLevelNames } from '@/lib/auth';
import { formatSessions } from '@/lib/format';
import { centerTitle, childLevel as childLevelOf, LEVEL_COLORS, levelLabel } from '@/lib/levels';
import type { Org } from '../api/get-orgs';
import { OrgFormModal } from './org-form-modal';

interface Props {
  org: Org;
  parent: Org | null;
  childCount: number;
  canManage: boolean;
  onCreated: (org: Org) => void;
}

/** The selected organisation: code, names, address, phone, office hours; edit and add-child for the administrator. */
export function OrgDetails({ org, parent, childCount, canManage, onCreated }: Props) {
  const names = useLevelNames();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const childLevel = childLevelOf(org.level);

  return (
    <>
      <Descriptions
        bordered
        column={1}
        size="middle"
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'name', label: '名称', children: <Space>{org.name}<Tag color={LEVEL_COLORS[org.level]}>{levelLabel(org.level, names)}</Tag></Space> },
          { key: 'center', label: '服务中心', children: centerTitle(org) },
          { key: 'code', label: '行政区划代码', children: org.code },
          { key: 'parent', label: '上级机构', children: parent ? parent.name : '—' },
          { key: 'address', label: '地址', children: org.address || '未填写' },
          { key: 'phone', label: '咨询电话', children: org.phone || '未填写' },
          { key: 'hours', label: '办公时间', children: formatSessions(org.officeHours?.sessions ?? []) },
          ...(childLevel ? [{ key: 'children', label: `下辖${names[childLevel]}`, children: `${childCount} 个` }] : []),
        ]}
      />
      {canManage && (
        <Space style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
          {childLevel && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              添加下级{names[childLevel]}
            </Button>
          )}
        </Space>
      )}
      {editing && <OrgFormModal mode="edit" org={org} open onClose={() => setEditing(false)} onSaved={() => undefined} />}
      {adding && childLevel && (
        <OrgFormModal mode="create" parent={org} level={childLevel} open onClose={() => setAdding(false)} onSaved={onCreated} />
      )}
    </>
  );
}

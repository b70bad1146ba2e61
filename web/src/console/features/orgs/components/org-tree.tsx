import { Input, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useLevelNames } from '@/lib/auth';
import { LEVEL_COLORS } from '@/lib/levels';
import type { Org } from '../api/get-orgs';
import { buildOrgTree, type OrgTreeNode } from '../utils/org-tree';

interface Props {
  orgs: Org[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function matches(node: OrgTreeNode, text: string): boolean {
  return node.org.name.includes(text) || node.org.code.includes(text) || node.children.some((c) => matches(c, text));
}

/** County → township → village with the configured level names; a search box narrows it down. */
export function OrgTree({ orgs, selectedId, onSelect }: Props) {
  const names = useLevelNames();
  const [filter, setFilter] = useState('');
  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const text = filter.trim();

  const toData = (nodes: OrgTreeNode[]): TreeDataNode[] =>
    nodes
      .filter((n) => !text || matches(n, text))
      .map((n) => ({
        key: n.key,
        title: (
          <span>
            {n.org.name}
            <Tag color={LEVEL_COLORS[n.org.level]} variant="outlined" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
              {names[n.org.level]}
            </Tag>
          </span>
        ),
        children: toData(n.children),
      }));

  const allKeys = useMemo(() => orgs.filter((o) => o.level !== 'village').map((o) => o.id), [orgs]);
  const rootKeys = roots.map((r) => r.key);

  return (
    <>
      <Input.Search allowClear placeholder="搜索机构名称或代码" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 12 }} />
      <Tree
        blockNode
        showLine
        treeData={toData(roots)}
        selectedKeys={selectedId ? [selectedId] : []}
        defaultExpandedKeys={[...rootKeys, ...(selectedId ? [selectedId] : [])]}
        defaultExpandParent
        {...(text ? { expandedKeys: allKeys } : {})}
        onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
      />
    </>
  );
}

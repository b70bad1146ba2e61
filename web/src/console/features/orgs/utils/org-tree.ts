import { ORG_LEVELS } from '@domain/orgs/tree';
import type { Org } from '../api/get-orgs';

/** Ids of an organisation and everything below it: the server's own rule for a person's scope. */
export { subtreeIds } from '@domain/orgs/tree';

export interface OrgTreeNode {
  key: string;
  value: string;
  org: Org;
  children: OrgTreeNode[];
}

const levelOrder = (org: Org): number => ORG_LEVELS.indexOf(org.level);

/** County → townships → villages, each level sorted by its code; orgs whose parent is out of sight become roots. */
export function buildOrgTree(orgs: readonly Org[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>(orgs.map((org) => [org.id, { key: org.id, value: org.id, org, children: [] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => levelOrder(a.org) - levelOrder(b.org) || a.org.code.localeCompare(b.org.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export interface OrgTreeData {
  key: string;
  value: string;
  title: string;
  level: Org['level'];
  children: OrgTreeData[];
}

/** Tree data for antd Tree / TreeSelect: "柳河乡（乡镇）". */
export function orgTreeData(orgs: readonly Org[], levelNames: Record<Org['level'], string>): OrgTreeData[] {
  const convert = (nodes: OrgTreeNode[]): OrgTreeData[] =>
    nodes.map((n) => ({
      key: n.key,
      value: n.value,
      title: `${n.org.name}（${levelNames[n.org.level]}）`,
      level: n.org.level,
      children: convert(n.children),
    }));
  return convert(buildOrgTree(orgs));
}

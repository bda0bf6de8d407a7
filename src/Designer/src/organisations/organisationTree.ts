import type { OrganisationInfo } from '../api/client';

export interface OrganisationNode {
  organisation: OrganisationInfo;
  children: OrganisationNode[];
}

/**
 * The organisations as a tree, limited to `visible` codes when given: an organisation whose parent is not visible
 * becomes a root (a region officer's tree starts at the region). Siblings are ordered by code, which keeps "№ 2"
 * after "№ 1" and districts in the order the region numbers them.
 */
export function organisationTree(organisations: OrganisationInfo[], visible: ReadonlySet<string> | null): OrganisationNode[] {
  const shown = organisations.filter((o) => !visible || visible.has(o.code));
  const nodes = new Map(shown.map((o) => [o.id, { organisation: o, children: [] as OrganisationNode[] }]));
  const roots: OrganisationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.organisation.parentId ? nodes.get(node.organisation.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrganisationNode[]) => {
    list.sort((a, b) => a.organisation.code.localeCompare(b.organisation.code, undefined, { numeric: true }));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/**
 * The codes to show for a search: every organisation whose Kazakh or Russian name or code contains the text (any case),
 * with its ancestors (so the match is seen in its place) and its descendants (a district found shows its schools).
 */
export function matching(roots: OrganisationNode[], text: string): Set<string> {
  const needle = text.trim().toLocaleLowerCase();
  const shown = new Set<string>();
  const all = (node: OrganisationNode) => {
    shown.add(node.organisation.code);
    node.children.forEach(all);
  };
  const visit = (node: OrganisationNode, ancestors: OrganisationNode[]): void => {
    const o = node.organisation;
    if (!needle || [o.nameKk, o.nameRu, o.code].some((s) => s.toLocaleLowerCase().includes(needle))) {
      ancestors.forEach((a) => shown.add(a.organisation.code));
      all(node);
      return;
    }
    node.children.forEach((c) => visit(c, [...ancestors, node]));
  };
  roots.forEach((r) => visit(r, []));
  return shown;
}

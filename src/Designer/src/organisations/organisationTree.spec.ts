import { describe, expect, it } from 'vitest';
import type { OrganisationInfo } from '../api/client';
import { matching, organisationTree } from './organisationTree';

const org = (id: string, code: string, kind: string, nameKk: string, nameRu: string, parentId?: string): OrganisationInfo =>
  ({ id, code, kind, nameKk, nameRu, parentId: parentId ?? null });

const all = [
  org('1', 'r1', 'Region', 'Астана қаласы', 'город Астана'),
  org('2', 'd2', 'District', 'Сарыарқа ауданы', 'район Сарыарка', '1'),
  org('3', 'd1', 'District', 'Есіл ауданы', 'район Есиль', '1'),
  org('4', 's10', 'School', '№ 10 мектеп', 'Школа № 10', '3'),
  org('5', 's2', 'School', '№ 2 мектеп', 'Школа № 2', '3'),
  org('6', 's3', 'School', '№ 3 гимназия', 'Гимназия № 3', '2'),
  org('7', 'r2', 'Region', 'Ақмола облысы', 'Акмолинская область'),
];

describe('organisationTree', () => {
  it('given a region officer\'s codes, when the tree is built, then it starts at the region with districts and schools in number order', () => {
    const roots = organisationTree(all, new Set(['r1', 'd1', 'd2', 's2', 's3', 's10']));

    expect(roots.map((r) => r.organisation.code)).toEqual(['r1']);
    expect(roots[0]!.children.map((c) => c.organisation.code)).toEqual(['d1', 'd2']);
    expect(roots[0]!.children[0]!.children.map((c) => c.organisation.code)).toEqual(['s2', 's10']);
  });

  it('given a search in Russian or Kazakh, when matched, then the match shows with its ancestors and its schools', () => {
    const roots = organisationTree(all, null);

    expect([...matching(roots, 'есиль')].sort()).toEqual(['d1', 'r1', 's10', 's2']);
    expect([...matching(roots, 'ГИМНАЗИЯ')].sort()).toEqual(['d2', 'r1', 's3']);
    expect(matching(roots, 'ақмола').has('r2')).toBe(true);
    expect(matching(roots, 'нет такой').size).toBe(0);
    expect(matching(roots, '').size).toBe(all.length);
  });
});

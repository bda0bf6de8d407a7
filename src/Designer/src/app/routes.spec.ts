import { describe, expect, it } from 'vitest';
import { allowedRoutes, homeFor, matchRoute, navigationFor } from './routes';

describe('routes by role', () => {
  it('lands the legal department in the modeler, parents in the tracker and clerks in the inbox', () => {
    // given three people with different roles
    // when they sign in
    // then each lands on their own screen
    expect(homeFor(['legalEditor'])).toBe('/app/definitions');
    expect(homeFor(['parent'])).toBe('/app/my-children');
    expect(homeFor(['clerk'])).toBe('/app/inbox');
    expect(homeFor(['auditor'])).toBe('/app/cases');
  });

  it("lands the head's deputy and the university's staff in the inbox, where their tasks are", () => {
    // given the person replacing the head and the rector, dean and registrar of a university
    // when they sign in
    // then each lands in the inbox and may open a task
    for (const role of ['deputyHead', 'rector', 'dean', 'registrar', 'academicCouncil']) {
      expect(homeFor([role])).toBe('/app/inbox');
      expect(allowedRoutes([role]).has('task')).toBe(true);
    }
  });

  it('keeps a parent out of the modeler, the inbox and the staff case page', () => {
    // given a parent
    const allowed = allowedRoutes(['parent']);

    // when the routes are checked
    // then only the tracker is open (the staff case page shows the internal journal)
    expect([...allowed].sort()).toEqual(['tracker']);
    expect(navigationFor(['parent']).map((n) => n.href)).toEqual(['/app/my-children']);
  });

  it('lands a university student on their own cases and keeps them out of every staff page', () => {
    // given a university student
    const allowed = allowedRoutes(['student']);

    // when the routes are checked
    // then only their own screen is open: no inbox, case list, staff case page, documents page or modeler
    expect([...allowed]).toEqual(['student']);
    expect(homeFor(['student'])).toBe('/app/my-cases');
    expect(matchRoute('/app/my-cases')?.name).toBe('student');
    expect(navigationFor(['student']).map((n) => n.href)).toEqual(['/app/my-cases']);
  });

  it('shows the legal department only the pathway editor, no case menus', () => {
    // given a legal editor
    const allowed = allowedRoutes(['legalEditor']);

    // when the routes are checked
    // then the definitions, the modeler and the comparison are open, and nothing that shows cases
    expect([...allowed].sort()).toEqual(['compare', 'definitions', 'modeler']);
    expect(navigationFor(['legalEditor']).map((n) => n.href)).toEqual(['/app/definitions']);
  });

  it('decodes the parameters of a version path', () => {
    // given the path of a version of a definition key
    // when it is matched
    const match = matchRoute('/app/definitions/parent-application/versions/3');

    // then the key and version are its parameters
    expect(match).toEqual({ name: 'modeler', params: { key: 'parent-application', version: '3' } });
    expect(matchRoute('/app/nowhere')).toBeUndefined();
  });

  it('opens the vote, document, orders and dashboard screens to the roles that use them', () => {
    // given a council member, a regional officer and a parent
    // when their routes are checked
    // then the member may vote and read documents, only the officer posts orders, the parent sees neither
    expect(matchRoute('/app/cases/c1/vote')).toEqual({ name: 'vote', params: { id: 'c1' } });
    expect(matchRoute('/app/documents/d1')).toEqual({ name: 'document', params: { id: 'd1' } });
    expect(allowedRoutes(['councilMember']).has('vote')).toBe(true);
    expect(allowedRoutes(['councilMember']).has('orders')).toBe(false);
    expect(navigationFor(['regionalOfficer']).map((n) => n.href)).toContain('/app/emergency-orders');
    expect(allowedRoutes(['parent']).has('document')).toBe(false);
    expect(allowedRoutes(['auditor']).has('dashboard')).toBe(true);
  });
  it('opens the readiness overview to regional officers and the attestation to heads, neither to clerks or parents', () => {
    // given a regional officer, a head, a clerk and a parent
    // when their routes are checked
    // then the officer reads the overview, the head attests, the others see neither
    expect(matchRoute('/app/readiness')).toEqual({ name: 'readiness', params: {} });
    expect(matchRoute('/app/readiness/attest')).toEqual({ name: 'attest', params: {} });
    expect(allowedRoutes(['regionalOfficer']).has('readiness')).toBe(true);
    expect(allowedRoutes(['regionalOfficer']).has('attest')).toBe(false);
    expect(allowedRoutes(['head']).has('attest')).toBe(true);
    expect(allowedRoutes(['head']).has('readiness')).toBe(false);
    expect(navigationFor(['head']).map((n) => n.href)).toContain('/app/readiness/attest');
    for (const role of ['clerk', 'parent']) {
      expect(allowedRoutes([role]).has('readiness') || allowedRoutes([role]).has('attest')).toBe(false);
    }
  });
});

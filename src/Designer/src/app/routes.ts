import type { MessageKey } from '../i18n';

export const roles = {
  legalEditor: 'legalEditor',
  parent: 'parent',
  student: 'student',
  auditor: 'auditor',
  regionalOfficer: 'regionalOfficer',
  administrator: 'administrator',
} as const;

// The people who work on cases. The legal department edits pathways, forms, templates and tables and dry-runs them,
// but reads no case (the API refuses it case data): its menu holds no inbox, case list or dashboard.
const staffRoles = [
  'clerk', 'psychologist', 'classTeacher', 'socialPedagogue', 'councilMember', 'councilSecretary', 'trustee', 'head',
  'deputyHead', 'regionalOfficer', 'administrator', 'registrar', 'dean', 'academicCouncil', 'rector',
];

export type RouteName =
  | 'definitions' | 'modeler' | 'compare' | 'inbox' | 'cases' | 'case' | 'task' | 'tracker' | 'vote' | 'document' | 'orders' | 'dashboard'
  | 'readiness' | 'attest' | 'frost' | 'student' | 'universityEmergency';

export interface RouteMatch {
  name: RouteName;
  params: Record<string, string>;
}

const patterns: Array<[RouteName, RegExp, string[]]> = [
  ['definitions', /^\/app\/definitions\/?$/, []],
  ['compare', /^\/app\/definitions\/([^/]+)\/compare\/?$/, ['key']],
  ['modeler', /^\/app\/definitions\/([^/]+)\/versions\/(\d+)\/?$/, ['key', 'version']],
  ['inbox', /^\/app\/inbox\/?$/, []],
  ['cases', /^\/app\/cases\/?$/, []],
  ['vote', /^\/app\/cases\/([^/]+)\/vote\/?$/, ['id']],
  ['case', /^\/app\/cases\/([^/]+)\/?$/, ['id']],
  ['document', /^\/app\/documents\/([^/]+)\/?$/, ['id']],
  ['orders', /^\/app\/emergency-orders\/?$/, []],
  ['dashboard', /^\/app\/dashboard\/?$/, []],
  ['frost', /^\/app\/weather-decisions(?:\/([^/]+))?\/?$/, ['id']],
  ['task', /^\/app\/tasks\/([^/]+)\/?$/, ['id']],
  ['tracker', /^\/app\/my-children\/?$/, []],
  ['student', /^\/app\/my-cases\/?$/, []],
  ['attest', /^\/app\/readiness\/attest\/?$/, []],
  ['readiness', /^\/app\/readiness\/?$/, []],
  ['universityEmergency', /^\/app\/university-emergency\/?$/, []],
];

/** Which route an app path is, with its parameters decoded. */
export function matchRoute(pathname: string): RouteMatch | undefined {
  for (const [name, pattern, names] of patterns) {
    const found = pattern.exec(pathname);
    if (found) {
      const params: Record<string, string> = {};
      names.forEach((param, index) => (params[param] = decodeURIComponent(found[index + 1] ?? '')));
      return { name, params };
    }
  }
  return undefined;
}

/** Which routes a person with these roles may open. */
export function allowedRoutes(userRoles: readonly string[]): Set<RouteName> {
  const allowed = new Set<RouteName>();
  if (userRoles.includes(roles.legalEditor) || userRoles.includes(roles.auditor)) {
    allowed.add('definitions').add('modeler').add('compare');
  }
  if (userRoles.some((role) => staffRoles.includes(role))) {
    allowed.add('inbox').add('task');
  }
  if (userRoles.some((role) => staffRoles.includes(role)) || userRoles.includes(roles.auditor)) {
    allowed.add('cases').add('case').add('vote').add('document').add('dashboard');
  }
  if (userRoles.includes(roles.regionalOfficer) || userRoles.includes(roles.administrator)) {
    allowed.add('orders').add('frost');
  }
  // A parent reads the tracker only: the staff case page holds the internal journal and council members' names.
  if (userRoles.includes(roles.parent)) {
    allowed.add('tracker');
  }
  // Readiness for distance learning: the region's overview, and the head's attestation of their own organisation.
  if (userRoles.includes(roles.regionalOfficer) || userRoles.includes(roles.administrator) || userRoles.includes(roles.auditor)) {
    allowed.add('readiness');
  }
  // A university student files and follows their own cases only (order 97 para 9, 11): no staff page.
  if (userRoles.includes(roles.student)) {
    allowed.add('student');
  }
  if (userRoles.includes('head')) {
    allowed.add('attest');
  }
  // The university registers the regional emergency order itself (order 97 para 2): its registrar or rector.
  if (userRoles.includes('registrar') || userRoles.includes('rector')) {
    allowed.add('universityEmergency');
  }
  return allowed;
}

/** Where a person lands after signing in: the legal department's modeler, a parent's tracker, staff's inbox. */
export function homeFor(userRoles: readonly string[]): string | undefined {
  if (userRoles.includes(roles.legalEditor)) {
    return '/app/definitions';
  }
  if (userRoles.includes(roles.parent)) {
    return '/app/my-children';
  }
  if (userRoles.includes(roles.student)) {
    return '/app/my-cases';
  }
  const allowed = allowedRoutes(userRoles);
  if (allowed.has('inbox')) {
    return '/app/inbox';
  }
  if (allowed.has('cases')) {
    return '/app/cases';
  }
  return undefined;
}

/** The header's navigation for these roles. */
export function navigationFor(userRoles: readonly string[]): Array<{ href: string; label: MessageKey }> {
  const allowed = allowedRoutes(userRoles);
  const items: Array<{ href: string; label: MessageKey; route: RouteName }> = [
    { href: '/app/definitions', label: 'navDefinitions', route: 'definitions' },
    { href: '/app/inbox', label: 'navInbox', route: 'inbox' },
    { href: '/app/cases', label: 'navCases', route: 'cases' },
    { href: '/app/my-children', label: 'navMyChildren', route: 'tracker' },
    { href: '/app/my-cases', label: 'navMyCases', route: 'student' },
    { href: '/app/emergency-orders', label: 'navOrders', route: 'orders' },
    { href: '/app/weather-decisions', label: 'navFrost', route: 'frost' },
    { href: '/app/dashboard', label: 'navDashboard', route: 'dashboard' },
    { href: '/app/readiness', label: 'navReadiness', route: 'readiness' },
    { href: '/app/readiness/attest', label: 'navReadiness', route: 'attest' },
    { href: '/app/university-emergency', label: 'navUniversityEmergency', route: 'universityEmergency' },
  ];
  return items.filter((item) => allowed.has(item.route)).map(({ href, label }) => ({ href, label }));
}

import './styles.css';
import { ApiError, QadamApi } from './api/client';
import { callbackPath, completeSignIn, currentUser, endSession, signIn, signOut, type SignedInUser } from './auth/session';
import { el, link, navigate, notice, relabel } from './app/dom';
import { errorText } from './app/errors';
import type { AppContext, Screen, ScreenFactory } from './app/context';
import { allowedRoutes, homeFor, matchRoute, navigationFor, type RouteName } from './app/routes';
import { language, onLanguageChange, pick, setLanguage, t, type Language } from './i18n';
import { pickLanguage } from './forms/localizeSchema';

// Screens load on demand: the modeler (bpmn-js) is not downloaded by a parent opening the tracker.
const screens: Record<RouteName, () => Promise<ScreenFactory>> = {
  definitions: () => import('./modeler/DefinitionsScreen').then((m) => m.definitionsScreen),
  modeler: () => import('./modeler/ModelerScreen').then((m) => m.modelerScreen),
  compare: () => import('./modeler/CompareScreen').then((m) => m.compareScreen),
  inbox: () => import('./staff/InboxScreen').then((m) => m.inboxScreen),
  cases: () => import('./staff/CasesScreen').then((m) => m.casesScreen),
  case: () => import('./staff/CaseScreen').then((m) => m.caseScreen),
  task: () => import('./staff/TaskScreen').then((m) => m.taskScreen),
  tracker: () => import('./parent/TrackerScreen').then((m) => m.trackerScreen),
  student: () => import('./student/StudentScreen').then((m) => m.studentScreen),
  vote: () => import('./staff/VoteScreen').then((m) => m.voteScreen),
  document: () => import('./documents/DocumentScreen').then((m) => m.documentScreen),
  orders: () => import('./regional/OrdersScreen').then((m) => m.ordersScreen),
  frost: () => import('./regional/FrostDecisionScreen').then((m) => m.frostDecisionScreen),
  dashboard: () => import('./dashboard/DashboardScreen').then((m) => m.dashboardScreen),
  readiness: () => import('./readiness/ReadinessOverviewScreen').then((m) => m.readinessOverviewScreen),
  attest: () => import('./readiness/AttestReadinessScreen').then((m) => m.attestReadinessScreen),
  universityEmergency: () => import('./university/UniversityEmergencyScreen').then((m) => m.universityEmergencyScreen),
};

const app = document.getElementById('app') as HTMLElement;
let mounted: Screen | undefined;
/**
 * The render under way, if any, and its ticket: a render started later (a back button, a click) wins, and a language
 * switch while a screen loads relabels that screen once it is shown instead of drawing it a second time over the
 * person's first choices.
 */
let rendering: Promise<void> | undefined;
let renderTicket = 0;

function languageSwitch(): HTMLElement {
  const select = el('select', { attrs: { 'aria-label': 'Тіл / Язык', id: 'language' } },
    el('option', { attrs: { value: 'kk' } }, 'Қазақша'),
    el('option', { attrs: { value: 'ru' } }, 'Русский'));
  select.value = language();
  select.addEventListener('change', () => setLanguage(select.value as Language));
  return select;
}

/** The person's school or office by name in the screen's language (its code when the API gives no name). */
function organisationName(context?: AppContext): HTMLElement | string {
  const me = context?.me;
  if (!me?.organisationCode) {
    return '';
  }
  const names = { kk: me.organisationNameKk, ru: me.organisationNameRu };
  const name = el('span', { class: 'organisation-name' }, ` · ${pick(names, me.organisationCode)}`);
  onLanguageChange(() => (name.textContent = ` · ${pick(names, me.organisationCode ?? '')}`));
  return name;
}

/** The person's name; a demo name written "kk / ru" shows its half of the screen's language. */
function personName(displayName: string): HTMLElement {
  const name = el('strong', { attrs: { 'data-testid': 'user-name' } }, pickLanguage(displayName, language()));
  onLanguageChange(() => (name.textContent = pickLanguage(displayName, language())));
  return name;
}

function header(user?: SignedInUser, context?: AppContext): HTMLElement {
  const nav = el('nav', { class: 'main-nav' },
    ...(context ? navigationFor(context.me.roles).map((item) => link(item.href, { i18n: item.label })) : []));
  const who = user
    ? el('span', { class: 'who' },
      personName(user.displayName),
      organisationName(context),
      el('button', {
        class: 'link-button',
        i18n: 'signOut',
        on: { click: () => void endSession() },
      }))
    : el('span');
  // A skip link first (WCAG 2.4.1): keyboard users jump over the navigation to the screen's content.
  return el('header', { class: 'app-header' },
    el('a', { class: 'skip-link', i18n: 'skipToContent', attrs: { href: '#outlet' } }),
    el('a', { class: 'brand', attrs: { href: '/app/' } }, el('span', { i18n: 'appName' })),
    nav, el('span', { class: 'spacer' }), who, languageSwitch());
}

function signInPage(): HTMLElement {
  return el('main', { class: 'sign-in' },
    el('h1', { i18n: 'appName' }),
    el('p', { i18n: 'appTagline' }),
    el('p', { i18n: 'signInPrompt' }),
    el('button', {
      class: 'primary', i18n: 'signIn', attrs: { id: 'sign-in' },
      on: { click: () => void signIn(location.pathname.startsWith('/app/') ? location.pathname + location.search : '/app/', language()) },
    }));
}

function render(context: AppContext): Promise<void> {
  const ticket = ++renderTicket;
  const run = renderScreen(context, ticket).finally(() => {
    if (ticket === renderTicket) {
      rendering = undefined;
    }
  });
  rendering = run;
  return run;
}

async function renderScreen(context: AppContext, ticket: number): Promise<void> {
  mounted?.dispose?.();
  mounted = undefined;
  const outlet = app.querySelector('#outlet') as HTMLElement;
  const match = matchRoute(location.pathname);
  if (!match) {
    const home = homeFor(context.me.roles);
    if (home && (location.pathname === '/app/' || location.pathname === '/app' || location.pathname === '/')) {
      navigate(home, true);
      return;
    }
    outlet.replaceChildren(notice('error', home ? t('notFound') : t('noRoleScreen')));
    return;
  }
  if (!allowedRoutes(context.me.roles).has(match.name)) {
    outlet.replaceChildren(notice('error', t('forbidden')));
    return;
  }
  outlet.replaceChildren(el('p', { class: 'loading', i18n: 'loading' }));
  try {
    const factory = await screens[match.name]();
    const screen = await factory(context, match.params, new URLSearchParams(location.search));
    if (ticket !== renderTicket) {
      screen.dispose?.();
      return;
    }
    mounted = screen;
    outlet.replaceChildren(screen.root);
    await screen.mounted?.();
    focusHeading(outlet);
  } catch (error) {
    if (ticket === renderTicket) {
      outlet.replaceChildren(errorNotice(error));
    }
  }
}

export function errorNotice(error: unknown): HTMLElement {
  return notice('error', errorText(error));
}

/**
 * After a navigation the screen's main heading takes the focus, so a screen reader announces the new screen and the
 * keyboard starts from it (a single-page app has no page load to do that; WCAG 2.4.3).
 */
function focusHeading(outlet: HTMLElement): void {
  const heading = outlet.querySelector<HTMLElement>('h1');
  if (heading && !outlet.contains(document.activeElement)) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

async function start(): Promise<void> {
  document.documentElement.lang = language();
  if (location.pathname.startsWith(callbackPath)) {
    app.replaceChildren(header(), el('main', {}, el('p', { i18n: 'signingIn' })));
    try {
      navigate(await completeSignIn(), true);
    } catch (error) {
      app.replaceChildren(header(), el('main', {}, notice('error', `${t('signInFailed')}: ${errorText(error)}`), signInPage()));
      return;
    }
  }

  const user = await currentUser();
  if (!user) {
    app.replaceChildren(header(), signInPage());
    onLanguageChange(() => relabel(app));
    return;
  }

  const api = new QadamApi(() => user.accessToken, () => language());
  let me;
  try {
    me = await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      await signOut();
      app.replaceChildren(header(), signInPage());
      return;
    }
    app.replaceChildren(header(user), errorNotice(error));
    return;
  }

  const context: AppContext = { api, user, me };
  app.replaceChildren(header(user, context), el('main', { attrs: { id: 'outlet', tabindex: -1 } }));
  // A screen with its own relabel keeps what the person typed; one without is drawn again in the new language.
  const screenInLanguage = () => {
    if (mounted?.relabel) {
      mounted.relabel();
    } else {
      void render(context);
    }
  };
  onLanguageChange(() => {
    relabel(app);
    // A screen still loading was built partly in the former language: wait for it, rather than drawing a second one
    // over it while the person already chooses in the first.
    if (rendering) {
      void rendering.then(() => {
        relabel(app);
        screenInLanguage();
      });
    } else {
      screenInLanguage();
    }
  });
  window.addEventListener('popstate', () => void render(context));
  await render(context);
}

void start();

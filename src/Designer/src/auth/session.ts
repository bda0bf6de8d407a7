import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** Where OpenIddict sends the browser back (src/Api/Features/Identity/OidcClients.cs: `<origin>/signin-callback`). */
export const callbackPath = '/signin-callback';

/** The claims the API puts in the identity token (TokenPrincipals.ForUserAsync). */
export interface SignedInUser {
  accessToken: string;
  name: string;
  displayName: string;
  roles: string[];
  organisationCode?: string;
}

let manager: UserManager | undefined;

/** The API is the identity provider and serves this app: its origin is the only host the app talks to. */
function userManager(): UserManager {
  manager ??= new UserManager({
    authority: window.location.origin,
    client_id: 'qadam-web',
    redirect_uri: window.location.origin + callbackPath,
    post_logout_redirect_uri: window.location.origin + '/',
    response_type: 'code',
    scope: 'openid profile roles',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
  return manager;
}

export function toSignedInUser(user: User): SignedInUser {
  const profile = user.profile as Record<string, unknown>;
  const role = profile['role'];
  const roles = Array.isArray(role) ? role.map(String) : typeof role === 'string' ? [role] : [];
  const name = String(profile['preferred_username'] ?? profile['name'] ?? profile['sub'] ?? '');
  return {
    accessToken: user.access_token,
    name,
    displayName: String(profile['display_name'] ?? name),
    roles,
    organisationCode: typeof profile['org_code'] === 'string' ? profile['org_code'] : undefined,
  };
}

/** The signed-in user if a valid (unexpired) session is stored in this tab. */
export async function currentUser(): Promise<SignedInUser | undefined> {
  const user = await userManager().getUser();
  return user && !user.expired ? toSignedInUser(user) : undefined;
}

/** Starts code + PKCE sign-in; `returnTo` is the app path to come back to. Always shows the sign-in page. */
export async function signIn(returnTo: string, language: string): Promise<void> {
  await userManager().signinRedirect({ state: { returnTo }, prompt: 'login', ui_locales: language });
}

/** Completes sign-in on the callback page; answers where to go next. */
export async function completeSignIn(): Promise<string> {
  const user = await userManager().signinRedirectCallback();
  const state = user.state as { returnTo?: unknown } | undefined;
  return typeof state?.returnTo === 'string' && state.returnTo.startsWith('/app/') ? state.returnTo : '/app/';
}

/** Forgets the tokens of this tab, without asking the server (a session the API already refused). */
export async function signOut(): Promise<void> {
  await userManager().removeUser();
}

/**
 * Signs out for real (OpenID Connect RP-Initiated Logout): the API's end-session endpoint revokes the user's tokens and
 * ends the sign-in cookie, then sends the browser back to this origin, so the next person at a shared computer starts
 * from the sign-in page.
 */
export async function endSession(): Promise<void> {
  const manager = userManager();
  const user = await manager.getUser();
  await manager.removeUser();
  await manager.signoutRedirect({ id_token_hint: user?.id_token });
}

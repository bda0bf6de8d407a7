import type { Me, QadamApi } from '../api/client';
import type { SignedInUser } from '../auth/session';

/** What every screen gets: the API client and who is signed in. */
export interface AppContext {
  api: QadamApi;
  user: SignedInUser;
  me: Me;
}

/** A mounted screen; `dispose` frees what it holds (a modeler), `relabel` redraws language-bound parts. */
export interface Screen {
  root: HTMLElement;
  /** Called once the root is in the document (a diagram can measure its viewport then). */
  mounted?: () => void | Promise<void>;
  dispose?: () => void;
  relabel?: () => void;
}

export type ScreenFactory = (context: AppContext, params: Record<string, string>, query: URLSearchParams) => Promise<Screen>;

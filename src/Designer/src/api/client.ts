// The one typed client of the Qadam API: every path and shape the front-end relies on is written here.

export interface Me {
  subject: string;
  name?: string | null;
  roles: string[];
  organisationCode?: string | null;
  seesAllOrganisations: boolean;
  visibleOrganisationCodes: string[];
  linkedChildren: string[];
}

export interface LegalBasis {
  act: string;
  edition?: string | null;
  paragraph?: string | null;
}

export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionVersion {
  key: string;
  version: number;
  kind: 'bpmn' | 'conditionTable';
  status: DefinitionStatus;
  name?: string | null;
  effectiveFrom?: string | null;
  legalBasis?: LegalBasis | null;
  contentSha256: string;
  createdAt: string;
  createdBy: string;
  publishedAt?: string | null;
  publishedBy?: string | null;
}

export interface DefinitionKey {
  key: string;
  kind: 'bpmn' | 'conditionTable';
  versions: DefinitionVersion[];
}

export interface DefinitionContent {
  version: DefinitionVersion;
  content: string;
}

export interface DefinitionProblem {
  elementId: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  problems: DefinitionProblem[];
}

export interface PublishRequest {
  effectiveFrom: string;
  legalBasis: LegalBasis;
}

export interface CaseSummary {
  id: string;
  number: string;
  pathway: string;
  definitionVersion: number;
  status: string;
  studentIin: string;
  studentName: string;
  organisation: string;
  ground: string;
  filedOn: string;
  language: string;
  applicant: string;
  processInstanceId?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/cases (src/Api/Features/Cases/FileCase.cs). */
export interface FileCaseRequest {
  pathway: string;
  studentIin: string;
  ground: string;
  filedOn: string;
  language?: 'kk' | 'ru';
  data?: Record<string, unknown>;
}

/** Labelled in both languages, as the engine's steps and tasks are. */
export interface Labelled {
  elementId: string;
  name?: string | null;
  labelKk?: string | null;
  labelRu?: string | null;
}

export interface CaseDefinition {
  key: string;
  version: number;
  name?: string | null;
  effectiveFrom?: string | null;
  legalBasis?: LegalBasis | null;
}

/** Where the case waits now (src/Api/Features/Cases/GetCase.cs, CaseStepResponse). */
export interface CaseStep extends Labelled {
  kind: string;
  legalBasis?: LegalBasis | null;
  taskId?: string | null;
  candidateRoles: string[];
  organisation?: string | null;
  dueAt?: string | null;
}

export interface TimelineEntry {
  at: string;
  event: string;
  elementId?: string | null;
  labelKk?: string | null;
  labelRu?: string | null;
  actor: string;
  definitionVersion: number;
}

export interface CaseTask extends Labelled {
  id: string;
  status: string;
  candidateRoles: string[];
  organisation?: string | null;
  assignee?: string | null;
  createdAt: string;
  dueAt?: string | null;
  endedAt?: string | null;
}

export interface CaseDeadline extends Labelled {
  dueAt: string;
  overdue: boolean;
}

export interface CaseDecision extends Labelled {
  taskId: string;
  decidedBy: string;
  decidedAt: string;
  data?: Record<string, unknown> | null;
  legalBasis?: LegalBasis | null;
}

export interface CaseDetail {
  case: CaseSummary;
  definition?: CaseDefinition | null;
  currentSteps: CaseStep[];
  timeline: TimelineEntry[];
  tasks: CaseTask[];
  deadlines: CaseDeadline[];
  decisions: CaseDecision[];
  data: Record<string, unknown>;
}

/** A task as the inbox shows it (src/Api/Features/Tasks/TasksApi.cs, TaskResponse). */
export interface TaskSummary extends Labelled {
  id: string;
  caseId?: string | null;
  caseNumber?: string | null;
  definitionKey: string;
  definitionVersion: number;
  candidateRoles: string[];
  organisation?: string | null;
  formKey?: string | null;
  legalBasis?: LegalBasis | null;
  status: string;
  assignee?: string | null;
  createdAt: string;
  dueAt?: string | null;
}

/** GET /api/tasks/{id}: the task, whether the caller may work it, its form-js form and the keys of its fields. */
export interface TaskDetail {
  task: TaskSummary;
  callerIsCandidate: boolean;
  /** The form-js schema of the task's form; null when the task names no known form. */
  form?: unknown;
  formFields?: string[] | null;
}

export interface CompleteTaskResult {
  taskId: string;
  caseId?: string | null;
  caseStatus?: string | null;
  instanceStatus: string;
  waitingAt: string[];
  openedTasks: string[];
}

export interface NextStep {
  label: string;
  dueAt?: string | null;
}

export interface ChildCase {
  id: string;
  number: string;
  pathway: string;
  status: string;
  filedOn: string;
  nextSteps: NextStep[];
}

export interface ChildCases {
  iin: string;
  fullName: string;
  organisation: string;
  cases: ChildCase[];
}

export interface Page<T> {
  items: T[];
  total?: number;
}

/** RFC 7807 problem details as the API answers errors. */
export interface ProblemDetails {
  status?: number;
  title?: string;
  detail?: string;
  /** Either `{field: [messages]}` (validation) or `[{elementId, message}]` (a refused definition). */
  errors?: Record<string, string[]> | DefinitionProblem[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Problems of a refused definition, by element id. */
  get definitionProblems(): DefinitionProblem[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /** Validation errors keyed by field (e.g. `data.reason`, `effectiveFrom`). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors && !Array.isArray(this.problem.errors) ? this.problem.errors : {};
  }
}

type TokenSource = () => string | undefined;
type LanguageSource = () => string;

/** The API client; `fetchImpl` and `baseUrl` are parameters so specs can run it without a browser. */
export class QadamApi {
  constructor(
    private readonly token: TokenSource,
    private readonly language: LanguageSource = () => 'kk',
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  me(): Promise<Me> {
    return this.get('/api/me');
  }

  listDefinitions(): Promise<DefinitionKey[]> {
    return this.get('/api/definitions');
  }

  getDefinitionVersion(key: string, version: number): Promise<DefinitionContent> {
    return this.get(`/api/definitions/${encodeURIComponent(key)}/versions/${version}`);
  }

  validateDefinition(xml: string): Promise<ValidationResult> {
    return this.send('POST', '/api/definitions/validate', xml, 'application/xml');
  }

  saveDraft(key: string, xml: string): Promise<DefinitionVersion> {
    return this.send('POST', `/api/definitions/${encodeURIComponent(key)}/drafts`, xml, 'application/xml');
  }

  publish(key: string, version: number, request: PublishRequest): Promise<DefinitionVersion> {
    return this.send('POST', `/api/definitions/${encodeURIComponent(key)}/versions/${version}/publish`, request);
  }

  async listCases(query: Record<string, string> = {}): Promise<CaseSummary[]> {
    const search = new URLSearchParams(query).toString();
    return pageItems(await this.get<Page<CaseSummary> | CaseSummary[]>(`/api/cases${search ? `?${search}` : ''}`));
  }

  /** Files a case; 422 names studentIin, filedOn, pathway, ground or language. */
  fileCase(request: FileCaseRequest, idempotencyKey?: string): Promise<CaseSummary> {
    return this.send('POST', '/api/cases', request, 'application/json', idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
  }

  getCase(id: string): Promise<CaseDetail> {
    return this.get(`/api/cases/${encodeURIComponent(id)}`);
  }

  async inbox(): Promise<TaskSummary[]> {
    return pageItems(await this.get<Page<TaskSummary> | TaskSummary[]>('/api/tasks'));
  }

  getTask(id: string): Promise<TaskDetail> {
    return this.get(`/api/tasks/${encodeURIComponent(id)}`);
  }

  claimTask(id: string): Promise<unknown> {
    return this.send('POST', `/api/tasks/${encodeURIComponent(id)}/claim`);
  }

  completeTask(id: string, data: Record<string, unknown>): Promise<CompleteTaskResult> {
    return this.send('POST', `/api/tasks/${encodeURIComponent(id)}/complete`, { data });
  }

  /** The parent's children and their cases; the API words next steps in the language sent as Accept-Language. */
  myChildrenCases(): Promise<ChildCases[]> {
    return this.get('/api/parents/me/cases');
  }

  private get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  private async send<T>(
    method: string, path: string, body?: unknown, contentType = 'application/json', extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language(), ...extraHeaders };
    const token = this.token();
    if (token) {
      headers['Authorization'] = `Bearer ${token}`;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await this.fetchImpl(this.baseUrl + path, { method, headers, body: payload });
    const text = await response.text();
    const json: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      throw new ApiError(response.status, (json as ProblemDetails | undefined) ?? { title: response.statusText });
    }
    return json as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

function pageItems<T>(answer: Page<T> | T[]): T[] {
  return Array.isArray(answer) ? answer : (answer.items ?? []);
}

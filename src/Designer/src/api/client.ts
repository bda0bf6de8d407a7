// The one typed client of the Qadam API: every path the front-end relies on; the shapes are generated.

import type { components } from './schema';

// The shapes are generated from the API's OpenAPI document (schema.d.ts, `npm run api:generate`); the names below are
// the ones the screens use.
type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Me = Schema<'MeResponse'>;
export type LegalBasis = Schema<'LegalBasisResponse'>;
export type DefinitionStatus = 'draft' | 'published' | 'retired';
export type DefinitionVersion = Schema<'DefinitionVersionResponse'>;
export type DefinitionKey = Schema<'DefinitionKeyResponse'>;
export type DefinitionContent = Schema<'DefinitionContentResponse'>;
export type DefinitionProblem = Schema<'DefinitionProblemResponse'>;
export type ValidationResult = Schema<'ValidationResponse'>;
export type PublishRequest = Schema<'PublishRequest'>;
export type CaseSummary = Schema<'CaseResponse'>;
export type CaseGround = Schema<'CaseGround'>;
export type CaseGrounds = Schema<'CaseGroundsResponse'>;
export type FileCaseRequest = Schema<'FileCaseRequest'>;
/** Labelled in both languages, as the engine's steps and tasks are. */
export type Labelled = Pick<Schema<'CaseStepResponse'>, 'elementId' | 'name' | 'labelKk' | 'labelRu'>;
export type CaseDefinition = Schema<'CaseDefinitionResponse'>;
export type CaseStep = Schema<'CaseStepResponse'>;
export type TimelineEntry = Schema<'CaseTimelineEntry'>;
export type CaseTask = Schema<'CaseTaskResponse'>;
export type CaseDeadline = Schema<'CaseDeadlineResponse'>;
export type CaseDecision = Schema<'CaseDecisionResponse'>;
export type CaseDetail = Schema<'CaseDetailResponse'>;
export type TaskSummary = Schema<'TaskResponse'>;
export type TaskDetail = Schema<'TaskDetailResponse'>;
export type WeatherDecisionSchool = Schema<'WeatherDecisionSchool'>;
export type WeatherDecision = Schema<'WeatherDecisionView'>;
export type WeatherOrderProposal = Schema<'WeatherOrderProposal'>;
export type WeatherNotificationSent = Schema<'WeatherNotificationSent'>;
export type CompleteTaskResult = Schema<'CompleteTaskResponse'>;
export type NextStep = Schema<'NextStepResponse'>;
export type ChildCase = Schema<'ChildCaseResponse'>;
export type ChildCases = Schema<'ChildCasesResponse'>;
export type ParentNotice = Schema<'ParentNotificationResponse'>;
export type TemplateInfo = Schema<'TemplateResponse'>;
export type DryRunStep = Schema<'DryRunStep'>;
export type DryRunRequest = Schema<'DryRunRequest'>;
export type DryRunPathEntry = Schema<'DryRunPathEntry'>;
export type DryRunWaiting = Schema<'DryRunWaiting'>;
export type DryRunResult = Schema<'DryRunResponse'>;
export type Ballot = Schema<'BallotResponse'>;
export type BallotBox = Schema<'BallotBoxResponse'>;
export type DocumentSignature = Schema<'DocumentSignatureResponse'>;
export type DocumentInfo = Schema<'DocumentResponse'>;
export type CmsSignatureReport = Schema<'SignatureReport'>;
export type DocumentVerification = Schema<'DocumentVerification'>;
export type SignRequest = Schema<'SignDocumentRequest'>;
export type OrderPeriod = Schema<'OrderPeriod'>;
export type EmergencyOrderRequest = Schema<'EmergencyOrderRequest'>;
export type EmergencyOrderIssuer = Schema<'EmergencyOrderIssuer'>;
export type EmergencyOrder = Schema<'EmergencyOrderResponse'>;
export type MassTransferSchool = Schema<'MassTransferSchoolResponse'>;
export type ReadinessRequirement = Schema<'ReadinessRequirement'>;
export type ReadinessEdition = Schema<'ReadinessEditionResponse'>;
export type TvetProgrammeEntry = Schema<'TvetProgrammeEntry'>;
export type ReadinessEvidence = Schema<'ReadinessEvidence'>;
export type ReadinessItem = Schema<'ReadinessItem'>;
export type ReadinessEditionSummary = Schema<'ReadinessEditionSummary'>;
export type ReadinessRecord = Schema<'ReadinessRecordResponse'>;
export type OrganisationReadiness = Schema<'OrganisationReadinessResponse'>;
/** The engine's instance id is the API's business; no screen reads it. */
export type MassTransfer = Omit<Schema<'MassTransferResponse'>, 'instanceId'>;
export type Dashboard = Schema<'DashboardResponse'>;
export type OrganisationInfo = Schema<'OrganisationResponse'>;
export type RemoteSchool = Schema<'RemoteSchool'>;
export type RemoteDistrict = Schema<'RemoteDistrict'>;
export type RemoteLearning = Schema<'RemoteLearningResponse'>;
export type EvidenceInfo = Schema<'EvidenceResponse'>;
export type StudentInfo = Schema<'StudentResponse'>;
export type StudentPathway = Schema<'StudentPathway'>;
export type StudentStudy = Schema<'StudentStudyResponse'>;

/** A page of a list endpoint (CasePage, TaskPage, StudentPage). */
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

  /** The files attached to a case as evidence (a medical conclusion, a federation's letter). */
  caseEvidence(caseId: string): Promise<EvidenceInfo[]> {
    return this.get(`/api/cases/${encodeURIComponent(caseId)}/evidence`);
  }

  /** The pathways a university student may file themselves (students only). */
  myPathways(): Promise<StudentPathway[]> {
    return this.get('/api/students/me/pathways');
  }

  /** A university student's university, faculty and programme by name; undefined for a school or college student. */
  studentStudy(iin: string): Promise<StudentStudy | undefined> {
    return this.get<StudentStudy>(`/api/universities/students/${encodeURIComponent(iin)}`).catch(() => undefined);
  }

  /** Attaches a file (a VKK conclusion, a letter) to a case as evidence; 422 names the file. */
  uploadEvidence(caseId: string, file: File): Promise<EvidenceInfo> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.send('POST', `/api/cases/${encodeURIComponent(caseId)}/evidence`, form);
  }

  /** Students the caller sees whose name, class or IIN start matches `text` (the filing form's picker). */
  async findStudents(text: string): Promise<StudentInfo[]> {
    return pageItems(await this.get<Page<StudentInfo>>(`/api/students?q=${encodeURIComponent(text)}&pageSize=20`));
  }

  /** The grounds of para 3 a pathway's case may be filed on, on a day; enumerated=false: the ground is free text. */
  caseGrounds(pathway: string, on: string): Promise<CaseGrounds> {
    return this.get<CaseGrounds>(`/api/cases/grounds?pathway=${encodeURIComponent(pathway)}&on=${encodeURIComponent(on)}`);
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

  /** Opens the day's weather decision of the caller's territory (order 103 para 11); a retry with the same key returns it. */
  startWeatherDecision(language: string, idempotencyKey: string): Promise<{ instanceId: string }> {
    return this.send('POST', '/api/weather-decisions', { language }, 'application/json', { 'Idempotency-Key': idempotencyKey });
  }

  weatherDecision(id: string): Promise<WeatherDecision> {
    return this.get(`/api/weather-decisions/${encodeURIComponent(id)}`);
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

  /** Notices about the parent's children, newest first, worded by the API in the Accept-Language. */
  myNotices(): Promise<ParentNotice[]> {
    return this.get('/api/parents/me/notifications');
  }

  /** The form-js schema of a form key used by a task of the version; 404 when none exists yet. */
  getForm(key: string, version: number, formKey: string): Promise<Record<string, unknown>> {
    return this.get(`${versionPath(key, version)}/forms/${encodeURIComponent(formKey)}`);
  }

  /** Saves a draft task's form (409 when a published version uses the key). */
  saveForm(key: string, version: number, formKey: string, schema: unknown): Promise<Record<string, unknown>> {
    return this.send('PUT', `${versionPath(key, version)}/forms/${encodeURIComponent(formKey)}`, schema);
  }

  listTemplates(key: string, version: number): Promise<TemplateInfo[]> {
    return this.get(`${versionPath(key, version)}/templates`);
  }

  /** Uploads a DOCX template; 422 names templateKey, language or file. */
  uploadTemplate(key: string, version: number, templateKey: string, language: 'kk' | 'ru', file: Blob, fileName: string): Promise<TemplateInfo> {
    const form = new FormData();
    form.append('templateKey', templateKey);
    form.append('language', language);
    form.append('file', file, fileName);
    return this.send('POST', `${versionPath(key, version)}/templates`, form);
  }

  dryRun(key: string, version: number, request: DryRunRequest): Promise<DryRunResult> {
    return this.send('POST', `${versionPath(key, version)}/dry-run`, request);
  }

  ballots(caseId: string): Promise<BallotBox[]> {
    return this.get(`/api/cases/${encodeURIComponent(caseId)}/ballots`);
  }

  caseDocuments(caseId: string): Promise<DocumentInfo[]> {
    return this.get(`/api/cases/${encodeURIComponent(caseId)}/documents`);
  }

  getDocument(id: string): Promise<DocumentInfo> {
    return this.get(`/api/documents/${encodeURIComponent(id)}`);
  }

  /** The DOCX as registered (or, with `signed`, the copy carrying the Office signatures). */
  documentContent(id: string, signed = false): Promise<Blob> {
    return this.blob(`/api/documents/${encodeURIComponent(id)}/content${signed ? '?signed=true' : ''}`);
  }

  /** The document as a PDF to read on a phone; undefined while the server is still rendering it (202, ask again). */
  async documentPdf(id: string): Promise<Blob | undefined> {
    const headers: Record<string, string> = { 'Accept-Language': this.language() };
    const token = this.token();
    if (token) {
      headers['Authorization'] = `Bearer ${token}`;
    }
    const response = await this.fetchImpl(`${this.baseUrl}/api/documents/${encodeURIComponent(id)}/pdf`, { method: 'GET', headers });
    if (response.status === 202) {
      return undefined;
    }
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, (text ? safeJson(text) as ProblemDetails : undefined) ?? { title: response.statusText });
    }
    return response.blob();
  }

  signDocument(id: string, request: SignRequest): Promise<DocumentInfo> {
    return this.send('POST', `/api/documents/${encodeURIComponent(id)}/signatures`, request);
  }

  verifyDocument(id: string): Promise<DocumentVerification> {
    return this.get(`/api/documents/${encodeURIComponent(id)}/verification`);
  }

  emergencyOrders(): Promise<EmergencyOrder[]> {
    return this.get('/api/emergency-orders');
  }

  postEmergencyOrder(request: EmergencyOrderRequest): Promise<EmergencyOrder> {
    return this.send('POST', '/api/emergency-orders', request);
  }

  massTransfers(orderId: string): Promise<MassTransfer[]> {
    return this.get(`/api/mass-transfers?order=${encodeURIComponent(orderId)}`);
  }

  dashboard(): Promise<Dashboard> {
    return this.get('/api/dashboard');
  }

  /** Students learning at a distance today by district and school, and per day; filters: district, pathway, from, to. */
  remoteLearning(filters: Record<string, string> = {}): Promise<RemoteLearning> {
    return this.get(`/api/dashboard/remote${queryString(filters)}`);
  }

  organisations(): Promise<OrganisationInfo[]> {
    return this.get('/api/organisations');
  }

  /** Readiness of the schools and colleges in the caller's scope; filters: status, district, missing, reminder. */
  readiness(filters: Record<string, string> = {}): Promise<OrganisationReadiness[]> {
    return this.get(`/api/readiness${queryString(filters)}`);
  }

  organisationReadiness(code: string): Promise<OrganisationReadiness> {
    return this.get(`/api/readiness/organisations/${encodeURIComponent(code)}`);
  }

  /** The head attests every requirement of the edition in force (PUT; 422 names the field). */
  attestReadiness(code: string, body: { validUntil: string; items: ReadinessItem[] }): Promise<OrganisationReadiness> {
    return this.send('PUT', `/api/readiness/organisations/${encodeURIComponent(code)}`, body);
  }

  readinessEditionInForce(): Promise<ReadinessEdition> {
    return this.get('/api/readiness/editions/in-force');
  }

  /** The overview as CSV or XLSX, titles in the current language. */
  readinessExport(format: 'csv' | 'xlsx', filters: Record<string, string> = {}): Promise<Blob> {
    return this.blob(`/api/readiness/export${queryString({ ...filters, format })}`);
  }

  // uni: the university's receipt of the regional emergency order (order 97 para 2).
  postUniversityEmergency(request: UniversityEmergencyRequest): Promise<UniversityEmergencyResponse> {
    return this.send('POST', '/api/universities/emergency-transfers', request);
  }

  private async blob(path: string): Promise<Blob> {
    const headers: Record<string, string> = { 'Accept-Language': this.language() };
    const token = this.token();
    if (token) {
      headers['Authorization'] = `Bearer ${token}`;
    }
    const response = await this.fetchImpl(this.baseUrl + path, { method: 'GET', headers });
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, (text ? safeJson(text) as ProblemDetails : undefined) ?? { title: response.statusText });
    }
    return response.blob();
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
    let payload: string | FormData | undefined;
    if (body instanceof FormData) {
      // The browser writes the multipart boundary into Content-Type itself.
      payload = body;
    } else if (body !== undefined) {
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

function queryString(values: Record<string, string>): string {
  const entries = Object.entries(values).filter(([, value]) => value !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

function versionPath(key: string, version: number): string {
  return `/api/definitions/${encodeURIComponent(key)}/versions/${version}`;
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
// uni: the university's emergency order (POST /api/universities/emergency-transfers; issuingBody is the regional
// department's code) and a university task's programme and faculty.
export type UniversityEmergencyRequest = Schema<'UniversityEmergencyRequest'>;
export type UniversityEmergencyResponse = Schema<'UniversityEmergencyResponse'>;
export type TaskStudy = Schema<'TaskStudyResponse'>;

// The one typed client of the Qadam API: every path and shape the front-end relies on is written here.

export interface Me {
  subject: string;
  name?: string | null;
  roles: string[];
  organisationCode?: string | null;
  seesAllOrganisations: boolean;
  visibleOrganisationCodes: string[];
  linkedChildren: string[];
  organisationNameKk?: string | null;
  organisationNameRu?: string | null;
}

export interface LegalBasis {
  act: string;
  edition?: string | null;
  paragraph?: string | null;
  /** The act's official name and the paragraph in Kazakh and Russian, when workflows/citations.json knows the citation. */
  kk?: string | null;
  ru?: string | null;
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
/** A ground of para 3 of the edition: its code, paragraph and labels (GET /api/cases/grounds). */
export interface CaseGround {
  code: string;
  paragraph: string;
  labelKk: string;
  labelRu: string;
}

export interface CaseGrounds {
  pathway: string;
  on: string;
  enumerated: boolean;
  grounds: CaseGround[];
}

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
  /** The organisation's readiness for distance learning today (2023 Annex 2 para 11(1)); a parent gets it without the record. */
  readiness?: OrganisationReadiness | null;
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
  /** The student of the task's case and the class (GET /api/tasks). */
  studentName?: string | null;
  studentClass?: string | null;
}

/** GET /api/tasks/{id}: the task, whether the caller may work it, its form-js form and the keys of its fields. */
export interface TaskDetail {
  task: TaskSummary;
  callerIsCandidate: boolean;
  /** The form-js schema of the task's form; null when the task names no known form. */
  form?: unknown;
  formFields?: string[] | null;
  /** The form's data the pathway proposes (form-js data), e.g. the head's frost order from the school's indicator table. */
  data?: Record<string, unknown> | null;
  proposal?: WeatherOrderProposal | null;
}

/** GET /api/weather-decisions/{id}: one school of the day's frost decision. */
export interface WeatherDecisionSchool {
  organisation: string;
  nameKk: string;
  nameRu: string;
  shifts: number[];
  indicatorTable?: string | null;
  tableNameKk?: string | null;
  tableNameRu?: string | null;
  proposalKk?: string | null;
  proposalRu?: string | null;
  orderState: 'not-concerned' | 'not-yet' | 'ordered' | 'late';
  orderedAt?: string | null;
  orderDueAt?: string | null;
  escalated: boolean;
  studentsMoved: number;
  parentsReached: number;
  parentsNotifiedAt?: string | null;
  /** The notification system approved for the school (order 103 para 12(2)), weather-notification-<territory>. */
  notificationTable?: string | null;
  /** Each notification the school recorded: its channel of para 13, when, and whether its approved system names it. */
  notifications?: WeatherNotificationSent[] | null;
}

/** One notification of a school on the frost day (order 103 para 13). */
export interface WeatherNotificationSent {
  channel: string;
  labelKk: string;
  labelRu: string;
  at: string;
  by?: string | null;
  approved: boolean;
}

/** GET /api/weather-decisions/{id}: the day's frost decision of the officer's territory. */
export interface WeatherDecision {
  instanceId: string;
  organisation: string;
  territoryKk: string;
  territoryRu: string;
  status: string;
  forDate?: string | null;
  shiftGroup?: string | null;
  source?: string | null;
  temperature?: number | null;
  windSpeed?: number | null;
  blizzard?: boolean | null;
  startedAt: string;
  schools: WeatherDecisionSchool[];
  observationTaskId?: string | null;
}

/** What a school's approved indicator table proposes for its frost order (order 103 para 12(1), 15). */
export interface WeatherOrderProposal {
  indicatorTable?: string | null;
  approval?: string | null;
  gradesFrom: number;
  gradesTo: number;
  shifts: number[];
  labelKk?: string | null;
  labelRu?: string | null;
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

/** A notice about a child (GET /api/parents/me/notifications): from a case's decision or from an emergency order or a frost. */
export interface ParentNotice {
  kind: 'case' | 'transfer';
  studentIin: string;
  studentName: string;
  text: string;
  createdAt: string;
  caseId?: string | null;
  legalBasis?: string | null;
  direction?: 'distance' | 'return' | null;
  from?: string | null;
  to?: string | null;
}

export interface Page<T> {
  items: T[];
  total?: number;
}

/** A DOCX template of a definition version (POST/GET /api/definitions/{key}/versions/{version}/templates). */
export interface TemplateInfo {
  templateKey: string;
  language: 'kk' | 'ru';
  definitionKey: string;
  definitionVersion: number;
  sha256: string;
  sizeBytes: number;
  variables: string[];
  uploadedAt: string;
}

export interface DryRunStep {
  elementId: string;
  output?: Record<string, unknown>;
}

export interface DryRunRequest {
  variables?: Record<string, unknown>;
  steps?: DryRunStep[];
}

export interface DryRunPathEntry {
  elementId: string;
  event: string;
  labelKk?: string | null;
  labelRu?: string | null;
}

export interface DryRunWaiting {
  elementId: string;
  labelKk?: string | null;
  labelRu?: string | null;
  formKey?: string | null;
  kind: 'userTask' | 'timer' | 'message' | 'serviceTask' | string;
}

/** POST /api/definitions/{key}/versions/{version}/dry-run: nothing of it is stored. */
export interface DryRunResult {
  path: DryRunPathEntry[];
  waiting: DryRunWaiting[];
  ended: boolean;
  error?: string | null;
}

export interface Ballot {
  taskId: string;
  member: string;
  status: 'cast' | 'notCast' | 'open';
  castAt?: string | null;
}

/** GET /api/cases/{id}/ballots: one vote of a body (council, trustees). */
export interface BallotBox {
  elementId: string;
  labelKk?: string | null;
  labelRu?: string | null;
  total: number;
  yes: number;
  no: number;
  outstanding: number;
  closed: boolean;
  outcome?: 'yes' | 'no' | null;
  myTaskId?: string | null;
  myBallotCast: boolean;
  ballots: Ballot[];
}

export interface DocumentSignature {
  id: string;
  signerSubject: string;
  signerIin?: string | null;
  signerBin?: string | null;
  signingTime: string;
}

/** A registered document (src/Api/Features/Documents/GetDocument.cs). */
export interface DocumentInfo {
  id: string;
  registryNumber: string;
  documentType: string;
  organisationCode: string;
  language: string;
  sha256: string;
  templateKey: string;
  templateVersion: number;
  processKey: string;
  processVersion: string;
  caseId?: string | null;
  createdAt: string;
  signatures: DocumentSignature[];
}

export interface CmsSignatureReport {
  signerSubject: string;
  iin?: string | null;
  bin?: string | null;
  certificateThumbprint: string;
  signingTime?: string | null;
  signatureValid: boolean;
  chainTrusted: boolean;
  validAtSigningTime: boolean;
  keyUsageAllowed: boolean;
  problems: string[];
  isValid: boolean;
}

/** GET /api/documents/{id}/verification. */
export interface DocumentVerification {
  documentId: string;
  registryNumber: string;
  contentIntact: boolean;
  cmsSignatures: CmsSignatureReport[];
  packageSignatures: Array<{ signerSubject?: string | null; isValid: boolean; problems?: string[] }>;
  problems: string[];
  isValid: boolean;
}

export interface SignRequest {
  mode?: 'server';
  cms?: string;
}

export interface OrderPeriod {
  from: string;
  to: string;
}

/** POST /api/emergency-orders (src/Api/Features/EmergencyOrders/PostEmergencyOrder.cs). */
export interface EmergencyOrderRequest {
  issuingBody: string;
  number: string;
  date: string;
  period: OrderPeriod;
  ground: string;
  territory?: string | null;
  organisations?: string[] | null;
  /** Classes or groups within organisations, by organisation code (order 103 para 22: "на отдельных объектах"). */
  classes?: Record<string, string[]> | null;
}

/** The issuing education department of an oblast or of Astana, Almaty, Shymkent, named in both languages. */
export interface EmergencyOrderIssuer {
  code: string;
  nameKk: string;
  nameRu: string;
}

export interface EmergencyOrder {
  id: string;
  issuingBody: string;
  issuer?: EmergencyOrderIssuer | null;
  classes?: Record<string, string[]> | null;
  number: string;
  date: string;
  territory?: string | null;
  organisations: string[];
  period: OrderPeriod;
  ground: string;
  pathway: string;
  definitionVersion: number;
  processInstanceId?: string | null;
  postedBy: string;
  postedAt: string;
}

export interface MassTransferSchool {
  organisation: string;
  nameKk: string;
  nameRu: string;
  total: number;
  done: number;
  status: string;
  /** Status "excluded": why none of its students is moved (349 para 3-1, 103 para 3), and the paragraph. */
  exclusionReasonKk?: string | null;
  exclusionReasonRu?: string | null;
  exclusionLegalBasis?: string | null;
}

/** One requirement of an edition of 349 Annex 1 / 103 Annex 3 para 1, and the evidence fields a met item needs. */
export interface ReadinessRequirement {
  key: string;
  paragraph: string;
  paragraphKk?: string | null;
  textKk: string;
  textRu: string;
  tvetOnly: boolean;
  evidence: string[];
}

/** GET /api/readiness/editions/in-force. */
export interface ReadinessEdition {
  version: number;
  effectiveFrom: string;
  act: string;
  actKk: string;
  edition: string;
  paragraph: string;
  paragraphKk: string;
  legalBasis: string;
  legalBasisKk: string;
  titleKk: string;
  titleRu: string;
  items: ReadinessRequirement[];
}

export interface TvetProgrammeEntry {
  specialityCode: string;
  name: string;
  registerEntry: string;
}

export interface ReadinessEvidence {
  internetConnection?: string | null;
  accessMeans?: string | null;
  lmsName?: string | null;
  lmsUrl?: string | null;
  teacherDocuments?: string | null;
  teachersTotal?: number | null;
  teachersCertified?: number | null;
  certifiedTeachers?: string[] | null;
  digitalResources?: string[] | null;
  programmes?: TvetProgrammeEntry[] | null;
  informatisation?: string | null;
}

export interface ReadinessItem {
  key: string;
  met: boolean;
  evidence?: ReadinessEvidence | null;
}

export interface ReadinessEditionSummary {
  version: number;
  edition: string;
  effectiveFrom: string;
  legalBasis: string;
  legalBasisKk: string;
  titleKk: string;
  titleRu: string;
}

export interface ReadinessRecord {
  edition: ReadinessEditionSummary;
  attestedBy: string;
  attestedByName: string;
  attestedAt: string;
  validUntil: string;
  revision: number;
  certifiedShare?: number | null;
  items: Array<ReadinessItem & { paragraph: string; paragraphKk: string; textKk: string; textRu: string }>;
}

/** GET /api/readiness and /api/readiness/organisations/{code}. */
export interface OrganisationReadiness {
  organisation: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  district?: string | null;
  on: string;
  status: 'ready' | 'incomplete' | 'outdated' | 'none' | 'noEdition';
  meetsRequirements: boolean;
  reasons: string[];
  editionInForce?: ReadinessEditionSummary | null;
  record?: ReadinessRecord | null;
  missing: Array<{ key: string; paragraph: string; paragraphKk: string; textKk: string; textRu: string }>;
  reminder?: { dueOn: string; textKk: string; textRu: string } | null;
}

/** GET /api/mass-transfers?order={id}. */
export interface MassTransfer {
  id: string;
  orderId: string;
  elementId: string;
  direction: 'distance' | 'return';
  status: 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  startedAt: string;
  finishedAt?: string | null;
  schools: MassTransferSchool[];
  /** Schools of the transfer that do not meet the readiness requirements; the transfer is not held for them. */
  notReady?: Array<{ organisation: string; nameKk: string; nameRu: string; readiness: string; reasons: string[];
    missing: Array<{ key: string; paragraph: string; paragraphKk: string; textKk: string; textRu: string }> }> | null;
}

export interface Dashboard {
  generatedAt: string;
  cases: Array<{ pathway: string; status: string; count: number }>;
  /** `withDeadline` 0: no open step of the editions in force has a deadline, so "overdue" means nothing. */
  tasks: { open: number; overdue: number; withDeadline?: number };
  overdueSteps: Array<{ definitionKey: string; elementId: string; labelKk?: string | null; labelRu?: string | null; count: number; oldestDueAt: string }>;
  transfers: Array<{ region: string; nameKk: string; nameRu: string; date: string; orders: number; organisations: number }>;
}

/** GET /api/organisations: public reference data, parents before children. */
export interface OrganisationInfo {
  id: string;
  code: string;
  kind: string;
  nameKk: string;
  nameRu: string;
  parentId?: string | null;
}

/** GET /api/dashboard/remote (src/Api/Features/Dashboard/GetRemoteLearning.cs). */
export interface RemoteSchool { code: string; nameKk: string; nameRu: string; students: number; enrolled: number; since: string }
export interface RemoteDistrict {
  code: string; nameKk: string; nameRu: string; students: number; schools: number; since: string; schoolList: RemoteSchool[];
}
export interface RemoteLearning {
  today: string; from: string; to: string; district?: string | null; pathway?: string | null;
  students: number; schools: number; since?: string | null;
  districts: RemoteDistrict[];
  days: Array<{ date: string; students: number }>;
  pathways: string[];
}

/** GET /api/cases/{id}/evidence (src/Api/Features/Evidence/EvidenceApi.cs). */
export interface EvidenceInfo {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: string;
  length: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** GET /api/students (src/Api/Features/Students/StudentResponse.cs). */
export interface StudentInfo {
  iin: string;
  fullName: string;
  birthDate: string;
  age: number;
  organisation: string;
  className: string;
  shift: number;
  level: string;
}

/** GET /api/students/me/pathways: a pathway a university student files themselves, with its application form. */
export interface StudentPathway {
  key: string;
  version: number;
  formKey?: string | null;
  form?: Record<string, unknown> | null;
}

/** GET /api/universities/students/{iin}: where a university student studies, by name. */
export interface StudentStudy {
  iin: string;
  fullName: string;
  universityNameKk: string;
  universityNameRu: string;
  facultyNameKk: string;
  facultyNameRu: string;
  programmeCode: string;
  programmeNameKk: string;
  programmeNameRu: string;
  year: number;
  level: string;
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

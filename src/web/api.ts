import type {
  AuditPage,
  AuditQuery,
  AuditVerificationView,
  CreateOrganisationInput,
  CreateUserInput,
  OrganisationView,
  TemporaryPasswordView,
  UpdateOrganisationInput,
  UpdateUserInput,
  UserView,
} from "@shared/admin.ts";
import type {
  ChangePasswordInput,
  EnableTotpInput,
  LoginInput,
  RecoveryCodesView,
  SessionStage,
  SessionView,
  TotpInput,
  TotpSetupView,
} from "@shared/auth.ts";
import type { DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import type {
  AddNoteInput,
  AssignCaseInput,
  CaseCreatedView,
  CaseListQuery,
  CasePage,
  CaseView,
  CloseCaseInput,
  CreateCaseInput,
  CreateShareInput,
  EmergencyAccessGrantView,
  EmergencyAccessInput,
  EmergencyAccessView,
  IdentityView,
  LinkProposalView,
  RecordVictimStatusInput,
  ReopenCaseInput,
  ShareView,
  SubjectAccessExport,
  TimelineEntryView,
  TransferCaseInput,
  UpdateCaseInput,
  UpdateIdentityInput,
} from "@shared/cases.ts";
import type {
  CaseAssignee,
  DirectoryMember,
  DirectoryOrganisation,
  DirectoryOrganisationsQuery,
} from "@shared/directory.ts";
import type {
  CreateSurveyCampaignInput,
  ExportFormat,
  ObservatoryTable,
  ObservatoryTableQuery,
  OpenDataCatalogue,
  ReferenceImportReport,
  ReviewSurveyResponseInput,
  SaturationQuery,
  SaturationView,
  SubmitSurveyResponseInput,
  SurveyCampaignView,
  SurveyConsolidationView,
  UpdateSurveyCampaignInput,
} from "@shared/observatory.ts";
import type {
  AdoptPlanInput,
  CreateMeasureInput,
  CreateReviewInput,
  DeadlineOverridesView,
  DecideReviewInput,
  DeclareConflictInput,
  DeclineTransferInput,
  InboxView,
  MeasureView,
  PathwayView,
  PlanView,
  RequestTransferInput,
  ReviewCandidateView,
  ReviewPlanInput,
  ReviewView,
  Track,
  TransferView,
  TransitionInput,
  UpdateMeasureInput,
} from "@shared/pathway.ts";
import { type ErrorCode, type FieldError, isProblem, PROBLEM_TITLES, type Problem } from "@shared/problem.ts";
import type { QualificationInput } from "@shared/qualification/qualification-input.ts";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import type { ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import type {
  CaseActionView,
  QualificationRecordView,
  ScreeningView,
  SignalementInput,
  UpdateCaseActionInput,
} from "@shared/screenings.ts";

/** An API call that failed, carrying the server's RFC 9457 body (or one built here when the server never answered). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
    this.name = "ApiProblem";
  }
  get code(): ErrorCode {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export interface StageView {
  stage: SessionStage;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type UnauthenticatedListener = (code: "unauthenticated" | "session_expired") => void;

const CSRF_HEADER = "x-csrf-token";
let csrfToken: Promise<string> | undefined;
let unauthenticatedListener: UnauthenticatedListener | undefined;

/** Lets the app send the user back to the sign-in page whenever any call finds the session gone. */
export function onUnauthenticated(listener: UnauthenticatedListener | undefined): void {
  unauthenticatedListener = listener;
}

/** Forgets the cached CSRF token (tests, and after the server rejected it). */
export function resetCsrfToken(): void {
  csrfToken = undefined;
}

function localProblem(code: ErrorCode, status: number, title: string = PROBLEM_TITLES[code]): ApiProblem {
  return new ApiProblem({ type: "about:blank", title, status, code });
}

type ExtraHeaders = Record<string, string>;

async function send(
  method: Method,
  path: string,
  body: unknown,
  token: string | undefined,
  extraHeaders: ExtraHeaders = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders, accept: "application/json, application/problem+json" };
  if (method !== "GET") {
    headers["content-type"] = "application/json";
    if (token) headers[CSRF_HEADER] = token;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw localProblem(
      "service_unavailable",
      0,
      "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
    );
  }
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return new ApiProblem(body);
  return response.status >= 500
    ? localProblem("internal_error", response.status)
    : localProblem("invalid_input", response.status, `Réponse inattendue du serveur (${response.status}).`);
}

function getCsrfToken(): Promise<string> {
  if (!csrfToken) {
    csrfToken = request<{ token: string }>("GET", "/api/auth/csrf").then(
      ({ token }) => token,
      (error: unknown) => {
        csrfToken = undefined;
        throw error;
      },
    );
  }
  return csrfToken;
}

async function respond(method: Method, path: string, body: unknown, extraHeaders?: ExtraHeaders): Promise<Response> {
  if (method === "GET") return send(method, path, body, undefined, extraHeaders);
  const response = await send(method, path, body, await getCsrfToken(), extraHeaders);
  if (response.status !== 403) return response;
  const problem = await problemOf(response.clone());
  if (problem.code !== "csrf_invalid") return response;
  // The token cookie may have expired or been cleared: take a fresh one and try exactly once more.
  resetCsrfToken();
  return send(method, path, body, await getCsrfToken(), extraHeaders);
}

async function request<T>(method: Method, path: string, body?: unknown, extraHeaders?: ExtraHeaders): Promise<T> {
  const response = await respond(method, path, body, extraHeaders);
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.code === "unauthenticated" || problem.code === "session_expired")
      unauthenticatedListener?.(problem.code);
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface ListFilters {
  q?: string;
  departmentCode?: string;
  organisationId?: string;
}

export type AuditFilters = Partial<Omit<AuditQuery, "limit">> & { limit?: number };

/** The case list's filters and page cursor, as the query string carries them. */
export type CaseListFilters = Omit<CaseListQuery, "limit"> & { limit?: number };

const caseUrl = (id: string, rest = "") => `/api/cases/${encodeURIComponent(id)}${rest}`;

export interface AuditAnchorFile {
  filename: string;
  blob: Blob;
}

export const api = {
  getSession: () => request<SessionView>("GET", "/api/session"),
  login: (input: LoginInput) => request<StageView>("POST", "/api/auth/login", input),
  verifySecondFactor: (input: TotpInput) => request<StageView>("POST", "/api/auth/totp", input),
  startTotpSetup: () => request<TotpSetupView>("POST", "/api/auth/totp/setup"),
  enableTotp: (input: EnableTotpInput) =>
    request<StageView & RecoveryCodesView>("POST", "/api/auth/totp/enable", input),
  disableTotp: (input: EnableTotpInput) => request<void>("POST", "/api/auth/totp/disable", input),
  changePassword: (input: ChangePasswordInput) => request<StageView>("POST", "/api/auth/password", input),
  logout: () => request<void>("POST", "/api/auth/logout"),
  logoutEverywhere: () => request<{ revokedSessions: number }>("POST", "/api/auth/logout-everywhere"),

  listOrganisations: (filters: ListFilters = {}) =>
    request<OrganisationView[]>("GET", `/api/admin/organisations${queryString({ ...filters })}`),
  createOrganisation: (input: CreateOrganisationInput) =>
    request<OrganisationView>("POST", "/api/admin/organisations", input),
  updateOrganisation: (id: string, input: UpdateOrganisationInput) =>
    request<OrganisationView>("PATCH", `/api/admin/organisations/${encodeURIComponent(id)}`, input),

  listUsers: (filters: ListFilters = {}) =>
    request<UserView[]>("GET", `/api/admin/users${queryString({ ...filters })}`),
  getUser: (id: string) => request<UserView>("GET", `/api/admin/users/${encodeURIComponent(id)}`),
  createUser: (input: CreateUserInput) =>
    request<{ user: UserView } & TemporaryPasswordView>("POST", "/api/admin/users", input),
  updateUser: (id: string, input: UpdateUserInput) =>
    request<UserView>("PATCH", `/api/admin/users/${encodeURIComponent(id)}`, input),
  resetUserPassword: (id: string) =>
    request<TemporaryPasswordView>("POST", `/api/admin/users/${encodeURIComponent(id)}/reset-password`),
  resetUserTotp: (id: string) => request<UserView>("POST", `/api/admin/users/${encodeURIComponent(id)}/reset-totp`),

  runQualification: (input: QualificationInput) => request<QualificationResult>("POST", "/api/qualification", input),

  browseAudit: (filters: AuditFilters) => request<AuditPage>("GET", `/api/admin/audit${queryString({ ...filters })}`),
  verifyAudit: () => request<AuditVerificationView>("POST", "/api/admin/audit/verify"),
  takeAuditAnchor: () => request<{ id: number; createdAt: string }>("POST", "/api/admin/audit/anchor"),
  downloadLatestAuditAnchor: async (): Promise<AuditAnchorFile> => {
    const anchor = await request<{ id: number | null }>("GET", "/api/admin/audit/anchor");
    return {
      filename: `repere-ancre-audit-${anchor.id ?? "courante"}.json`,
      blob: new Blob([JSON.stringify(anchor, null, 2)], { type: "application/json" }),
    };
  },

  listCases: (filters: CaseListFilters) => request<CasePage>("GET", `/api/cases${queryString({ ...filters })}`),
  /** The key, one per form instance, makes a double submit create a single case. */
  createCase: (input: CreateCaseInput, idempotencyKey: string) =>
    request<CaseCreatedView>("POST", "/api/cases", input, { "idempotency-key": idempotencyKey }),
  getCase: (id: string) => request<CaseView>("GET", caseUrl(id)),
  updateCaseProfile: (id: string, input: UpdateCaseInput) => request<CaseView>("PATCH", caseUrl(id), input),
  updateCaseIdentity: (id: string, input: UpdateIdentityInput) =>
    request<CaseView>("PATCH", caseUrl(id, "/identity"), input),
  revealCaseIdentity: (id: string) => request<IdentityView>("POST", caseUrl(id, "/identity/reveal")),
  closeCase: (id: string, input: CloseCaseInput) => request<CaseView>("POST", caseUrl(id, "/close"), input),
  reopenCase: (id: string, input: ReopenCaseInput) => request<CaseView>("POST", caseUrl(id, "/reopen"), input),
  assignCase: (id: string, input: AssignCaseInput) => request<CaseView>("POST", caseUrl(id, "/assign"), input),
  recordVictimStatus: (id: string, input: RecordVictimStatusInput) =>
    request<CaseView>("POST", caseUrl(id, "/victim-statuses"), input),
  getCaseTimeline: (id: string) => request<TimelineEntryView[]>("GET", caseUrl(id, "/timeline")),
  addCaseNote: (id: string, input: AddNoteInput) => request<TimelineEntryView>("POST", caseUrl(id, "/notes"), input),
  listCaseShares: (id: string) => request<ShareView[]>("GET", caseUrl(id, "/shares")),
  shareCase: (id: string, input: CreateShareInput) => request<ShareView>("POST", caseUrl(id, "/shares"), input),
  revokeCaseShare: (id: string, shareId: string) =>
    request<ShareView>("POST", caseUrl(id, `/shares/${encodeURIComponent(shareId)}/revoke`)),
  transferCase: (id: string, input: TransferCaseInput) =>
    request<{ case: CaseView | null }>("POST", caseUrl(id, "/transfer"), input),
  exportSubjectAccess: (id: string) => request<SubjectAccessExport>("POST", caseUrl(id, "/subject-access-export")),
  listLinkProposals: () => request<LinkProposalView[]>("GET", "/api/cases/link-proposals"),
  decideLinkProposal: (id: string, decision: "confirm" | "reject") =>
    request<LinkProposalView>("POST", `/api/cases/link-proposals/${encodeURIComponent(id)}/${decision}`),
  requestEmergencyAccess: (input: EmergencyAccessInput) =>
    request<EmergencyAccessGrantView>("POST", "/api/cases/emergency-access", input),
  listEmergencyAccesses: (unreviewedOnly: boolean) =>
    request<EmergencyAccessView[]>(
      "GET",
      `/api/cases/emergency-accesses${queryString({ unreviewed: unreviewedOnly ? "true" : undefined })}`,
    ),
  reviewEmergencyAccess: (id: string) =>
    request<EmergencyAccessView>("POST", `/api/cases/emergency-accesses/${encodeURIComponent(id)}/review`),
};

/** A file the server sent, named as its Content-Disposition says. */
export interface DownloadedFile {
  filename: string;
  blob: Blob;
}

function filenameOf(response: Response): string | undefined {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

async function download(path: string, fallbackName: string): Promise<DownloadedFile> {
  const response = await respond("GET", path, undefined);
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.code === "unauthenticated" || problem.code === "session_expired")
      unauthenticatedListener?.(problem.code);
    throw problem;
  }
  return { filename: filenameOf(response) ?? fallbackName, blob: await response.blob() };
}

/** The GET form of a protected-table query (ObservatoryTableSearch): lists joined by commas, filters as JSON. */
export function observatoryTableSearch(query: ObservatoryTableQuery): string {
  const hasFilters = Object.values(query.filters).some((values) => values && values.length > 0);
  return queryString({
    dimensions: query.dimensions.join(","),
    from: query.from,
    to: query.to,
    basis: query.basis,
    measure: query.measure,
    filters: hasFilters ? JSON.stringify(query.filters) : undefined,
  });
}

const surveyUrl = (rest = "") => `/api/observatory/survey/campaigns${rest}`;

export const observatoryApi = {
  getTable: (query: ObservatoryTableQuery) =>
    request<ObservatoryTable>("GET", `/api/observatory/tables${observatoryTableSearch(query)}`),
  exportTable: (query: ObservatoryTableQuery, format: ExportFormat) =>
    download(
      `/api/observatory/tables/export${observatoryTableSearch(query)}&format=${format}`,
      `repere-observatoire.${format}`,
    ),
  downloadAnnualReport: (year: number) =>
    download(`/api/observatory/annual-report${queryString({ year })}`, `repere-rapport-annuel-${year}.pdf`),

  getSaturation: (query: SaturationQuery) =>
    request<SaturationView>("GET", `/api/observatory/saturation${queryString({ ...query })}`),
  /** The CSV travels as a JSON string; a refused file answers 422 with its line-by-line report, returned here. */
  importReferenceIndicators: async (csv: string): Promise<ReferenceImportReport> => {
    const response = await respond("POST", "/api/observatory/reference", csv);
    if (response.status === 422) {
      const report = (await response
        .clone()
        .json()
        .catch(() => undefined)) as ReferenceImportReport | undefined;
      if (report && Array.isArray(report.issues)) return report;
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      if (problem.code === "unauthenticated" || problem.code === "session_expired")
        unauthenticatedListener?.(problem.code);
      throw problem;
    }
    return (await response.json()) as ReferenceImportReport;
  },

  listSurveyCampaigns: () => request<SurveyCampaignView[]>("GET", surveyUrl()),
  createSurveyCampaign: (input: CreateSurveyCampaignInput) => request<SurveyCampaignView>("POST", surveyUrl(), input),
  updateSurveyCampaign: (id: string, input: UpdateSurveyCampaignInput) =>
    request<SurveyCampaignView>("PATCH", surveyUrl(`/${encodeURIComponent(id)}`), input),
  reviewSurveyResponse: (id: string, organisationId: string, input: ReviewSurveyResponseInput) =>
    request<SurveyCampaignView>(
      "POST",
      surveyUrl(`/${encodeURIComponent(id)}/responses/${encodeURIComponent(organisationId)}/review`),
      input,
    ),
  getSurveyConsolidation: (id: string) =>
    request<SurveyConsolidationView>("GET", surveyUrl(`/${encodeURIComponent(id)}/consolidation`)),
  submitSurveyResponse: (id: string, input: SubmitSurveyResponseInput) =>
    request<SurveyCampaignView>("POST", surveyUrl(`/${encodeURIComponent(id)}/response`), input),
  submitSurveyCsv: (id: string, csv: string) =>
    request<SurveyCampaignView>("POST", surveyUrl(`/${encodeURIComponent(id)}/response/csv`), { csv }),

  getOpenDataCatalogue: () => request<OpenDataCatalogue>("GET", "/api/open-data"),
};

const identificationUrl = (caseId: string, rest: string) => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

/** Screening, qualification, required actions and the signalement, recorded on a case. */
/** Whom to share a case with, transfer it to or name its referent. */
export const directoryApi = {
  listOrganisations: (filters: DirectoryOrganisationsQuery) =>
    request<DirectoryOrganisation[]>("GET", `/api/directory/organisations${queryString({ ...filters })}`),
  listMembers: (organisationId: string) =>
    request<DirectoryMember[]>("GET", `/api/directory/organisations/${encodeURIComponent(organisationId)}/members`),
  listCaseAssignees: (caseId: string) => request<CaseAssignee[]>("GET", caseUrl(caseId, "/assignees")),
};

export const identificationApi = {
  listScreenings: (caseId: string) => request<ScreeningView[]>("GET", identificationUrl(caseId, "/screenings")),
  recordScreening: (caseId: string, submission: ScreeningSubmission) =>
    request<ScreeningView>("POST", identificationUrl(caseId, "/screenings"), submission),
  recordQualification: (caseId: string, input: QualificationInput) =>
    request<QualificationRecordView>("POST", identificationUrl(caseId, "/qualifications"), input),
  listActions: (caseId: string) => request<CaseActionView[]>("GET", identificationUrl(caseId, "/actions")),
  updateAction: (caseId: string, code: string, input: UpdateCaseActionInput) =>
    request<CaseActionView[]>("PATCH", identificationUrl(caseId, `/actions/${encodeURIComponent(code)}`), input),
  /** The PDF is generated for this request only and never stored by Repère. */
  downloadSignalement: async (caseId: string, input: SignalementInput): Promise<DownloadedFile> => {
    const path = identificationUrl(caseId, "/signalement");
    const response = await respond("POST", path, input);
    if (!response.ok) throw await problemOf(response);
    return { filename: filenameOf(response) ?? "signalement.pdf", blob: await response.blob() };
  },
};

const pathwayUrl = (rest: string) => `/api/pathway${rest}`;
const pathwayCaseUrl = (caseId: string, rest = "") => pathwayUrl(`/cases/${encodeURIComponent(caseId)}${rest}`);

/** The protection pathway: tracks and their steps, deadlines, measures, plan, reviews, transfers and the inbox. */
export const pathwayApi = {
  getInbox: (scope: "me" | "organisation" | "all" = "all") =>
    request<InboxView>("GET", pathwayUrl(`/inbox${queryString({ scope })}`)),
  readNotification: (id: string) => request<void>("POST", pathwayUrl(`/notifications/${encodeURIComponent(id)}/read`)),
  getPathway: (caseId: string) => request<PathwayView>("GET", pathwayCaseUrl(caseId)),
  recordStep: (caseId: string, track: Track, input: TransitionInput) =>
    request<PathwayView>("POST", pathwayCaseUrl(caseId, `/tracks/${track}/transitions`), input),
  recordMeasure: (caseId: string, input: CreateMeasureInput) =>
    request<MeasureView>("POST", pathwayCaseUrl(caseId, "/measures"), input),
  updateMeasure: (id: string, input: UpdateMeasureInput) =>
    request<MeasureView>("PATCH", pathwayUrl(`/measures/${encodeURIComponent(id)}`), input),
  adoptPlan: (caseId: string, input: AdoptPlanInput) =>
    request<PlanView>("POST", pathwayCaseUrl(caseId, "/plan"), input),
  reviewPlan: (caseId: string, input: ReviewPlanInput) =>
    request<PlanView>("POST", pathwayCaseUrl(caseId, "/plan/reviews"), input),
  listReviewCandidates: (caseId: string) =>
    request<ReviewCandidateView[]>("GET", pathwayCaseUrl(caseId, "/review-candidates")),
  createReview: (caseId: string, input: CreateReviewInput) =>
    request<ReviewView>("POST", pathwayCaseUrl(caseId, "/reviews"), input),
  getReview: (id: string) => request<ReviewView>("GET", pathwayUrl(`/reviews/${encodeURIComponent(id)}`)),
  declareConflict: (id: string, input: DeclareConflictInput) =>
    request<ReviewView>("POST", pathwayUrl(`/reviews/${encodeURIComponent(id)}/conflict`), input),
  decideReview: (id: string, input: DecideReviewInput) =>
    request<ReviewView>("POST", pathwayUrl(`/reviews/${encodeURIComponent(id)}/decision`), input),
  requestTransfer: (caseId: string, input: RequestTransferInput) =>
    request<TransferView>("POST", pathwayCaseUrl(caseId, "/transfers"), input),
  getTransfer: (id: string) => request<TransferView>("GET", pathwayUrl(`/transfers/${encodeURIComponent(id)}`)),
  acceptTransfer: (id: string) =>
    request<TransferView>("POST", pathwayUrl(`/transfers/${encodeURIComponent(id)}/accept`)),
  declineTransfer: (id: string, input: DeclineTransferInput) =>
    request<TransferView>("POST", pathwayUrl(`/transfers/${encodeURIComponent(id)}/decline`), input),
  withdrawTransfer: (id: string) =>
    request<TransferView>("POST", pathwayUrl(`/transfers/${encodeURIComponent(id)}/withdraw`)),
  getDeadlineRules: (departmentCode: string) =>
    request<DeadlineOverridesView>("GET", pathwayUrl(`/deadline-rules/${encodeURIComponent(departmentCode)}`)),
  /** Replaces the département's overrides: a rule left out goes back to the catalogue. */
  setDeadlineOverrides: (departmentCode: string, overrides: DeadlineOverrides) =>
    request<DeadlineOverridesView>(
      "POST",
      pathwayUrl(`/deadline-rules/${encodeURIComponent(departmentCode)}`),
      overrides,
    ),
};

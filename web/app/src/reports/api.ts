/**
 * The reports page's calls: GET /api/reports/:period (the report), …/drill (the interactions behind a figure),
 * …/export (file links) and GET /api/me (whose roles decide the QA links). Shapes are core/contracts' report.ts.
 */
import type {
  DrillAnswer,
  ReportAnswer,
  ReportFilters,
  ReportFormat,
  ReportMetricId,
  ReportPeriod,
} from '../../../../core/contracts/index.js'

/** 401: the page shows the sign-in form. */
export class Unauthorized extends Error {}
/** 403: signed in, without a role that reads reports. */
export class Forbidden extends Error {}

/** What the page asks for; `date` empty = the API's default period (the last complete one). */
export interface ReportQuery {
  period: ReportPeriod
  date: string
  filters: ReportFilters
}

/** Who is signed in, as GET /api/me answers (`kind` is 'user', or 'display' for a wall token). */
export interface Me {
  kind: string
  tenant: string
  user?: string
  roles?: string[]
}

/**
 * Roles that may open an interaction's QA detail: the readers of GET /api/qa/interactions/:id (qa/review-api.ts
 * READS). An exec sees figures and the list of interactions, never their transcripts.
 */
const QA_READERS = ['qa_reviewer', 'qa_manager', 'supervisor']

export const canOpenQa = (me: Me | null): boolean => (me?.roles ?? []).some((r) => QA_READERS.includes(r))

async function call<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } })
  if (res.status === 401) throw new Unauthorized()
  if (res.status === 403) throw new Forbidden()
  const body = (await res.json().catch(() => ({}))) as T & { reason?: string }
  if (!res.ok) throw new Error(body.reason ?? `HTTP ${res.status}`)
  return body
}

/** `?date=…&channel=…` with the empty ones left out. */
function search(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

const base = (period: ReportPeriod) => `/api/reports/${encodeURIComponent(period)}`

export const reportsApi = {
  me: () => call<Me>('/api/me'),
  report: (q: ReportQuery) => call<ReportAnswer>(`${base(q.period)}${search({ date: q.date, ...q.filters })}`),
  drill: (q: ReportQuery, metric: ReportMetricId, opts: { agent?: string; limit: number; offset: number }) =>
    call<DrillAnswer>(
      `${base(q.period)}/drill${search({ metric, date: q.date, ...q.filters, agent: opts.agent, limit: opts.limit, offset: opts.offset })}`,
    ),
  /** A link to a file export of the report on screen. */
  exportUrl: (q: ReportQuery, format: Exclude<ReportFormat, 'json'>) =>
    `${base(q.period)}/export${search({ format, date: q.date, ...q.filters })}`,
}

/**
 * The contracts between the parts, and between the server and the web app: the messages on the bus and the
 * JSON the HTTP API answers with. One declaration each, here at the bottom layer; producers, consumers and
 * web/app import them from this file. Plain data and pure functions only (the browser bundle imports it too).
 */
export { EVENTS_HEADER, DAY_HEADER, utcDayOf, encodeEvents, decodeEvents } from './event-batch.js'
export type { Alert, AlertInput, AlertSeverity } from './alerts.js'
export type { ChannelsAnswer, ChannelStatus } from './channels.js'
export type {
  Alarm,
  AlarmAckReply,
  AlarmAckRequest,
  AlarmChange,
  AlarmListAnswer,
  AlarmMetric,
  AlarmRule,
  AlarmScope,
} from './alarms.js'
export { ALARM_METRICS, GROUP_RULES_OWNER, alarmAckSubject, alarmRuleProblem } from './alarms.js'
export {
  DEFAULT_AGENT_BOARD,
  RESERVED_WALL_IDS,
  THRESHOLD_METRICS,
  WALL_ID_PATTERN,
  WALL_PANELS,
  WALL_TILES,
  CONTACT_TILES,
  WALL_WINDOWS,
  type AgentBoardSettings,
  type ColourLimits,
  type ThresholdMetric,
  type WallChange,
  type WallDefinition,
  type WallFilter,
  type WallInput,
  type WallListAnswer,
  type WallPanel,
  type WallRotation,
  type WallTile,
} from './walls.js'
export { AUDIT_ACTIONS, type AuditAction, type AuditAnswer, type AuditRow } from './audit.js'
export { QA_CHECK_IDS, type QaCheckId, type QaResultInput } from './qa.js'
export type {
  RescoreJob,
  ScorecardFieldError,
  ScorecardHistory,
  ScorecardList,
  ScorecardPreview,
  ScorecardScope,
  ScorecardValidation,
  ScorecardVersion,
} from './scorecards.js'
export type {
  AgentStateCounts,
  AgentStateName,
  AgentView,
  DimensionMetrics,
  HistoryAnswer,
  HistoryInterval,
  IntervalSeries,
  QaSection,
  SlTarget,
  Snapshot,
  TicketBacklog,
  WindowMetrics,
} from './snapshot.js'
export { TICKET_SLA_HOURS } from './snapshot.js'
export { addRows, addSeries, addWindows, ratio1 } from './rows.js'
export type {
  AgentEvaluationRow,
  AgentEvaluationsAnswer,
  Agreement,
  AssignAnswer,
  AssignRequest,
  CalibrationAnswer,
  CalibrationEntry,
  CallsWaitingAnswer,
  CheckResult,
  Decision,
  FlagRow,
  ItemDecision,
  NoteAnswer,
  QueueAnswer,
  QueueRow,
  ReviewAnswer,
  ReviewDetail,
  ReviewRow,
  SatisfactionComparison,
} from './review.js'
export type {
  ActualInterval,
  ForecastInterval,
  LoggedInInterval,
  PlannerData,
  ReforecastInterval,
  SurgeRow,
  TicketInterval,
  WeatherStatus,
} from './planner.js'
export {
  recountCoverage,
  type AdherenceAnswer,
  type AdherenceInterval,
  type AgentAdherence,
  type AgentRoster,
  type CoverageRow,
  type Roster,
  type RosterAnswer,
  type RosterBreak,
  type RosterEdit,
  type RosterRequest,
  type RosterShift,
  type WorkState,
} from './roster.js'
export {
  groupAdherence,
  wallPlanSubject,
  type AgentAdherenceNow,
  type GroupAdherence,
  type PlanSeries,
  type PlanShift,
  type SnapshotPlan,
  type WallPlan,
} from './plan.js'
export * from './report.js'
export type {
  AssistCheckAnswer,
  AssistUpdate,
  ConversationFlag,
  ConversationUpdate,
  CustomerProfile,
  Incident,
  KbArticle,
  KbArticleList,
  KbImportAnswer,
  KbSuggestion,
  LiveConversation,
  LiveConversationDetail,
  LiveConversationsAnswer,
  LiveFact,
  LiveMessage,
  MoodPoint,
  OcrResult,
} from './live.js'

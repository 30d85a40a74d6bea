/**
 * The conversations service's settings from the config, checked when `mofang start` builds its services, so a bad
 * MOFANG_INCIDENT_RULES stops the start with the variable's name.
 */
import { ConfigError, type Config } from '../core/index.js'
import { ESCALATION_WORDS, wordMatcher, type WordMatcher } from '../kits/words/index.js'
import { defaultScorecard } from '../qa/index.js'
import { parseIncidentRules, type IncidentRule } from './incidents.js'

export interface ConversationsSettings {
  /** MOFANG_LIVE_REPLY_LIMIT_SECONDS, ms. */
  replyLimitMs: number
  /** MOFANG_LIVE_SILENCE_SECONDS, ms. */
  silenceMs: number
  /** MOFANG_INCIDENT_MIN_CONVERSATIONS. */
  incidentMinConversations: number
  /** MOFANG_INCIDENT_WINDOW_MINUTES, ms. */
  incidentWindowMs: number
  /** MOFANG_INCIDENT_RULES, parsed. */
  incidentRules: IncidentRule[]
}

export function conversationsSettings(config: Config): ConversationsSettings {
  let incidentRules: IncidentRule[]
  try {
    incidentRules = parseIncidentRules(config.incidentRules)
  } catch (err) {
    throw new ConfigError('MOFANG_INCIDENT_RULES', (err as Error).message)
  }
  return {
    replyLimitMs: config.liveReplyLimitSeconds * 1000,
    silenceMs: config.liveSilenceSeconds * 1000,
    incidentMinConversations: config.incidentMinConversations,
    incidentWindowMs: config.incidentWindowMinutes * 60_000,
    incidentRules,
  }
}

/**
 * The words live conversations watch for: the shipped QA scorecards' forbidden and sensitive words (Chinese and
 * English lists together, as a chat may mix them) and the escalation words. Agent assist checks drafts with it too.
 */
export function liveWordMatcher(): WordMatcher {
  const cards = [defaultScorecard('zh'), defaultScorecard('en')]
  const list = (field: 'words' | 'sensitive') => [
    ...new Set(cards.flatMap((c) => c.spec.checks.forbidden_words?.[field] ?? [])),
  ]
  return wordMatcher({ forbidden: list('words'), sensitive: list('sensitive'), escalation: ESCALATION_WORDS })
}

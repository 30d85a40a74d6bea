import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyRetention, TTL_RULES, ttlClause, ttlInForce } from './retention.js'

const MIGRATIONS = join(import.meta.dirname, '../sql/migrations')

describe('retention TTLs', () => {
  it('builds each table’s TTL from the settings that apply to it', () => {
    expect(ttlClause('events', {})).toBe('')
    expect(ttlClause('events', { events: 400 })).toBe('toDateTime(ts) + toIntervalDay(400)')
    expect(ttlClause('events', { events: 400, transcripts: 30 })).toBe(
      'toDateTime(ts) + toIntervalDay(400), ' +
        "toDateTime(ts) + toIntervalDay(30) WHERE type IN ('chat.message', 'ticket.comment', 'survey.comment')",
    )
    expect(ttlClause('qa_reviews', { qa: 365, events: 30 })).toBe('toDateTime(created_at) + toIntervalDay(365)')
    expect(ttlClause('weather_hours', { events: 1, transcripts: 1, qa: 1, reports: 1 })).toBe('')
  })

  it('reads the TTL in force from the engine clause system.tables prints', () => {
    const engine =
      'MergeTree PARTITION BY toYYYYMMDD(ts) ORDER BY (tenant, channel, type, ts) TTL toDateTime(ts) + ' +
      'toIntervalDay(30) SETTINGS index_granularity = 8192'
    expect(ttlInForce(engine)).toBe('toDateTime(ts) + toIntervalDay(30)')
    expect(
      ttlInForce('AggregatingMergeTree ORDER BY (tenant, interaction_id) TTL toDateTime(last_ts) + toIntervalDay(7)'),
    ).toBe('toDateTime(last_ts) + toIntervalDay(7)')
    expect(ttlInForce('MergeTree ORDER BY (tenant, ts) SETTINGS index_granularity = 8192')).toBe('')
  })

  it('covers every table the migrations create, except those kept on purpose', () => {
    const created = readdirSync(MIGRATIONS).flatMap((f) =>
      [...readFileSync(join(MIGRATIONS, f), 'utf8').matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]),
    )
    /** Kept: the audit log answers for what was done (PIPL), the rest hold no personal data and stay small. */
    const KEPT = ['audit_log', 'weather_hours', 'report_changes', 'report_builds']
    expect(new Set(TTL_RULES.map((r) => r.table))).toEqual(new Set(created.filter((t) => !KEPT.includes(t))))
  })
})

describe('applyRetention', () => {
  /** A warehouse that holds `engines` (name → engine_full) and records the statements it is sent. */
  const fake = (engines: Record<string, string>) => {
    const sent: string[] = []
    const wh = {
      query: async (_sql: string, params?: Record<string, unknown>) =>
        (params?.names as string[]).filter((n) => n in engines).map((name) => ({ name, engine_full: engines[name] })),
      command: async (sql: string) => void sent.push(sql),
    }
    return { wh: wh as unknown as Parameters<typeof applyRetention>[0], sent }
  }

  it('changes only what differs, and on a cluster the shards', async () => {
    const { wh, sent } = fake({
      events_local: 'ReplicatedMergeTree ORDER BY (tenant, ts) TTL toDateTime(ts) + toIntervalDay(30) SETTINGS x = 1',
      qa_results_local: 'ReplicatedReplacingMergeTree(scored_at) ORDER BY (tenant, interaction_id)',
    })
    const changes = await applyRetention(wh, { events: 30, qa: 90 }, { cluster: 'cx' })
    expect(sent).toEqual([
      "ALTER TABLE qa_results_local ON CLUSTER 'cx' MODIFY TTL toDateTime(ended_at) + toIntervalDay(90)",
    ])
    expect(changes).toEqual(['qa_results: TTL toDateTime(ended_at) + toIntervalDay(90)'])
  })

  it('removes the TTL of a setting unset', async () => {
    const { wh, sent } = fake({
      transcripts: 'ReplacingMergeTree ORDER BY x TTL toDateTime(updated_at) + toIntervalDay(7)',
    })
    expect(await applyRetention(wh, {})).toEqual(['transcripts: TTL removed'])
    expect(sent).toEqual(['ALTER TABLE transcripts REMOVE TTL'])
  })
})

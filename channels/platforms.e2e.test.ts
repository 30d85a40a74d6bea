/**
 * Every platform end to end, as the demo runs them: the dev tenant's generated credentials, each platform's own
 * signed request (its adapter's `sign`, as the demo simulator sends it) posted to the running server, and the
 * customer's message stored in the warehouse once, in its conversation, on the platform's channel. A second copy
 * (the platform's retry) stores nothing, and a request signed with another secret stores nothing and is counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { DEV_TENANT, loadChannelCredentials } from './config.js'
import { eventIdOf } from './endpoint.js'
import { ADAPTERS } from './registry.js'
import { channelsService, type ChannelsService } from './service.js'
import type { ChannelStatus } from './status.js'
import type { Platform, SampleMessage } from './adapter.js'

describe('every platform through its webhook', () => {
  const dir = tempDir('channels-platforms')
  let sys: RunningSystem
  const now = Date.now()
  const userOf = (p: Platform) => (p === 'email' ? `kunde.${p}@example.com` : `user-${p}-1`)

  const post = async (platform: Platform, sample: SampleMessage, credentials: unknown) => {
    if (platform === 'wecom')
      (sys.services.find((s) => s.name === 'channels') as ChannelsService).devWeComMessage!(sample)
    const r = ADAPTERS.get(platform)!.sign(credentials, sample)
    const url = new URL(`${sys.url}/v1/channels/${DEV_TENANT}/${platform}`)
    for (const [k, v] of Object.entries(r.query)) url.searchParams.set(k, v)
    return fetch(url, { method: r.method, headers: r.headers, body: r.body })
  }

  beforeAll(async () => {
    sys = await startSystem({
      config: testConfig(dir.path),
      namespace: uniqueNamespace(),
      services: [channelsService()],
      log: () => {},
    })
  }, 120_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  it('stores each platform message once, on its channel, and refuses a wrong signature', async () => {
    const credentials = loadChannelCredentials(sys.config, ADAPTERS).get(DEV_TENANT)!
    for (const platform of ADAPTERS.keys()) {
      const sample: SampleMessage = {
        userId: userOf(platform),
        messageId: `msg-${platform}-1`,
        ts: now - 1_000,
        text: `蓝屏 0x0000007B on ${platform}`,
        subject: 'Blue screen',
      }
      const mine = credentials.get(platform)
      const first = await post(platform, sample, mine)
      expect(first.status, `${platform}: ${await first.clone().text()}`).toBe(200)
      // The platform's retry: absorbed (200), or refused as a replay when it repeats a signed nonce (409).
      expect([200, 409], `${platform} retry`).toContain((await post(platform, sample, mine)).status)
      const forged = JSON.parse(JSON.stringify(ADAPTERS.get(platform)!.devCredentials((n) => 'ab'.repeat(n))))
      if (platform === 'wecom') Object.assign(forged, { corp_id: (mine as { corp_id: string }).corp_id })
      const refused = await post(platform, { ...sample, messageId: `forged-${platform}` }, forged)
      expect(refused.status, `${platform} forged`).toBe(401)
    }
    // The e-mail's message id is its comment's (a first mail also opens the ticket).
    const ids = [...ADAPTERS.keys()].map((p) => eventIdOf(p, p === 'email' ? `msg-${p}-1#comment` : `msg-${p}-1`))
    const rows = (await eventually(
      async () => {
        const r = await sys.warehouse.query<{ event_id: string; channel: string; n: number }>(
          `SELECT event_id, any(channel) AS channel, count() AS n FROM events
           WHERE tenant = {t:String} AND event_id IN {ids:Array(String)} GROUP BY event_id`,
          { t: DEV_TENANT, ids },
        )
        return r.length === ids.length ? r : undefined
      },
      { what: 'one message per platform' },
    ))!
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true)
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set([...ADAPTERS.values()].map((a) => a.channel)))
    const health = (await (
      await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })
    ).json()) as { components: { channels: { detail: { channels: ChannelStatus[] } } } }
    for (const row of health.components.channels.detail.channels) {
      expect(row.last_message_at, row.platform).toBeGreaterThan(0)
      expect(row.errors.bad_signature ?? 0, row.platform).toBeGreaterThanOrEqual(1)
    }
  })
})

/**
 * k6 scenario for the ingest API: the same HTTP load as `npm run bench:ingest`.
 *
 *   k6 run -e MOFANG_URL=http://127.0.0.1:8080 -e MOFANG_API_KEY=… loadtest/k6/ingest.ts
 *
 * (k6 runs TypeScript directly since v0.57.) Batches of 1,000 events per POST from
 * 8 virtual users for 60 s; thresholds fail the run below the targets.
 */
import http from 'k6/http'
import { check } from 'k6'
import type { Options } from 'k6/options'

export const options: Options = {
  scenarios: {
    sustained: { executor: 'constant-vus', vus: 8, duration: '60s' },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(99)<2000'],
    'checks{check:accepted}': ['rate>0.99'],
  },
}

const url = `${__ENV.MOFANG_URL ?? 'http://127.0.0.1:8080'}/v1/events`
const headers = { authorization: `Bearer ${__ENV.MOFANG_API_KEY ?? ''}`, 'content-type': 'application/json' }
const tenant = __ENV.MOFANG_TENANT ?? 'demo'
const BATCH = 1000

const TYPES: [string, string, Record<string, unknown>][] = [
  ['voice', 'voice.offered', {}],
  ['voice', 'voice.queued', {}],
  ['voice', 'voice.answered', {}],
  ['voice', 'voice.ended', { ended_by: 'customer' }],
  ['wechat', 'chat.started', {}],
  ['wechat', 'chat.message', { role: 'customer', text: '您好，我的笔记本蓝屏了，错误代码 0x0000007B' }],
  ['wechat', 'chat.message', { role: 'agent', text: '王先生您好，请您先尝试进入安全模式。' }],
  ['webchat', 'chat.message', { role: 'customer', text: 'My ThinkPad will not boot after the update.' }],
  ['voice', 'agent.ready', {}],
  ['voice', 'survey.nps', { score: 9 }],
]

function batch(iteration: number): string {
  const now = Date.now()
  const events = []
  for (let i = 0; i < BATCH; i++) {
    const k = (__VU * 1_000_000 + iteration) * BATCH + i
    const [channel, type, payload] = TYPES[k % TYPES.length]
    const customer = Math.floor(k / 10) % 20_000
    events.push({
      tenant,
      ts: now,
      channel,
      type,
      interaction_id: `k6-${Math.floor(k / 10)}`,
      customer:
        channel === 'voice'
          ? { phone: `1390000${String(customer).padStart(4, '0')}` }
          : { wechat_openid: `o${customer}` },
      agent_id: `agent-${k % 500}`,
      queue: ['repair', 'presales', 'aftersales'][k % 3],
      payload,
    })
  }
  return JSON.stringify(events)
}

export default function (): void {
  const res = http.post(url, batch(__ITER), { headers, tags: { name: 'POST /v1/events' } })
  check(res, { accepted: (r) => r.status === 202 }, { check: 'accepted' })
}

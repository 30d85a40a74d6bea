/**
 * `mofang customer export|erase` with no server running: the command opens the data directory itself (chDB, and
 * its JetStream store under a nats-server of its own) and does the same as through the server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { dispatch } from '../kits/cli/index.js'
import { startSystem } from '../system/system.js'
import { eventually, postEvents, tempDir, testConfig, TEST_KEY, TEST_TENANT, uniqueNamespace } from '../testing/env.js'
import { chatEvents } from '../qa/test-helpers/chat-events.js'
import { privacyCommands } from './commands.js'
import type { CustomerExport } from './export.js'

const dir = tempDir('customer-command')
const namespace = uniqueNamespace()
const env = { ...process.env }
let customerId = ''

beforeAll(async () => {
  const sys = await startSystem({ config: testConfig(dir.path), namespace, log: () => {} })
  try {
    const chat = chatEvents({
      tenant: TEST_TENANT,
      interactionId: 'cli-chat',
      t0: Date.now() - 60_000,
      openid: 'o-cli',
      agentId: 'a-1',
      turns: [['customer', '我的订单 LX20250301 到哪了']],
    })
    expect((await postEvents(sys.url, JSON.stringify(chat))).status).toBe(202)
    const row = await eventually(
      async () =>
        (
          await sys.warehouse.query<{ customer_id: string }>(
            "SELECT customer_id FROM events WHERE interaction_id = 'cli-chat' LIMIT 1",
          )
        ).at(0),
      { what: 'the chat stored' },
    )
    customerId = row!.customer_id
    await eventually(async () => {
      const n = await sys.warehouse.query<{ n: number }>(
        "SELECT count() AS n FROM events WHERE interaction_id = 'cli-chat'",
      )
      return Number(n[0].n) === chat.length
    })
  } finally {
    await sys.stop()
  }
  Object.assign(process.env, { MOFANG_DATA_DIR: dir.path, MOFANG_API_KEYS: `${TEST_TENANT}:${TEST_KEY}` })
}, 60_000)

afterAll(() => {
  process.env = env
  dir.remove()
})

const run = (...args: string[]) =>
  dispatch(privacyCommands, ['customer', ...args, '--tenant', TEST_TENANT, '--namespace', namespace])

describe('mofang customer export|erase without a server', () => {
  it('exports to a file only its owner can read', async () => {
    const file = join(dir.path, 'customer.json')
    expect(await run('export', customerId, '-o', file)).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const data = JSON.parse(readFileSync(file, 'utf8')) as CustomerExport
    expect(data.customer_id).toBe(customerId)
    expect(data.tables.events.map((e) => e.type)).toEqual(['chat.started', 'chat.message', 'chat.ended'])
  }, 60_000)

  it('erases only with --yes, then knows nothing of the customer', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await run('erase', customerId)).toBe(2)
      expect(log.mock.calls.flat().join('\n')).toMatch(/would erase customer .*\n {2}warehouse rows: events 3/)
      expect(await run('erase', customerId, '--yes')).toBe(0)
      expect(log.mock.calls.flat().join('\n')).toMatch(/left afterwards: events 0, interactions 0/)
      expect(await run('export', customerId)).toBe(2)
      expect(err.mock.calls.flat().join('\n')).toMatch(/no data is held about customer/)
    } finally {
      log.mockRestore()
      err.mockRestore()
    }
  }, 60_000)
})

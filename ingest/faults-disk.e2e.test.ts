/**
 * Disk full under a real `mofang start` (child process, managed nats-server, chDB), with its data
 * directory on a 200 MiB tmpfs: below MOFANG_MIN_FREE_MB ingest answers 507 with the reason, and once
 * space returns it answers 202 again without a restart; every acknowledged event is stored once and
 * interactions are not double counted. Needs root (mount); skipped with a message otherwise.
 */
import { afterAll, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, rmdirSync, statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  chatMessage,
  cleanupMofangs,
  runId,
  sleep,
  startMofang,
  summaryRow,
  tally,
  waitFor,
  type MofangProcess,
  type PostResult,
} from '../testing/mofang-process.js'

const MiB = 2 ** 20
const mountDir = mkdtempSync(join(tmpdir(), 'mofang-disk-'))
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200m', 'tmpfs', mountDir], { stdio: 'pipe' })
  mounted = true
} catch (err) {
  const why = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()
  console.log(
    `SKIPPED: disk-full test needs to mount a tmpfs (root): mount -t tmpfs -o size=200m tmpfs ${mountDir} failed: ${why}`,
  )
}

afterAll(async () => {
  await cleanupMofangs() // the child and its nats-server first: they hold files on the tmpfs
  if (mounted) {
    try {
      execFileSync('umount', [mountDir], { stdio: 'pipe' })
    } catch {
      execFileSync('umount', ['-l', mountDir], { stdio: 'pipe' })
    }
  }
  rmdirSync(mountDir)
})

const freeBytes = () => {
  const st = statfsSync(mountDir)
  return st.bavail * st.bsize
}
/** Fills the tmpfs until `leaveBytes` are free. */
function fill(path: string, leaveBytes: number) {
  const size = Math.max(0, freeBytes() - leaveBytes)
  execFileSync('fallocate', ['-l', String(size), path])
}
/** Fills the tmpfs to the last byte: most of it at once, the rest written until ENOSPC. */
function fillUp(path: string) {
  fill(path, 8 * MiB)
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${path}.rest`, 'bs=64K'], { stdio: 'pipe' })
  } catch {
    // dd stops with "No space left on device": full
  }
}

it.skipIf(!mounted)(
  'answers 507 while the disk is full and 202 again once there is room, storing every acknowledged event once',
  async () => {
    const dataDir = join(mountDir, 'data')
    mkdirSync(dataDir)
    const m: MofangProcess = await startMofang({ label: 'disk', dataDir, env: { MOFANG_MIN_FREE_MB: '64' } })
    const pid = m.child.pid
    const run = runId()
    const INTERACTIONS = 10
    const PER = 20
    let next = 0
    const acked = new Set<string>()
    const seen = new Map<string, number>()
    const newBatch = () => {
      const b = next++
      const ts = Date.now()
      return Array.from({ length: INTERACTIONS * PER }, (_, i) =>
        chatMessage('alpha', ts - i, `${run}-i${i % INTERACTIONS}`, {
          eventId: `${run}-b${b}-${i}`,
          role: i % 2 ? 'agent' : 'customer',
        }),
      )
    }
    const send = async (batch: ReturnType<typeof newBatch>): Promise<PostResult> => {
      const r = await m.post('alpha', batch, { timeoutMs: 10_000 })
      seen.set(String(r.status), (seen.get(String(r.status)) ?? 0) + 1)
      if (r.status === 202) batch.forEach((e) => acked.add(e.event_id!))
      return r
    }
    /** Sends `batch` again as it was until 202; returns ms taken. */
    const untilAcked = async (batch: ReturnType<typeof newBatch>, timeoutMs: number) => {
      const started = Date.now()
      for (;;) {
        const r = await send(batch)
        if (r.status === 202) return Date.now() - started
        expect([0, 429, 503, 507], JSON.stringify(r)).toContain(r.status)
        expect(
          Date.now() - started,
          `batch not acknowledged within ${timeoutMs} ms: ${r.status} ${JSON.stringify(r.body ?? r.error)}\n${m.logs()}`,
        ).toBeLessThan(timeoutMs)
        await sleep(250)
      }
    }

    for (let i = 0; i < 5; i++) expect((await send(newBatch())).status).toBe(202)
    console.log(`disk: ${(freeBytes() / MiB).toFixed(0)} MiB free after 5 batches`)

    // Full: leave 30 MiB, under MOFANG_MIN_FREE_MB=64.
    const filler = join(mountDir, 'filler')
    fill(filler, 30 * MiB)
    let batch = newBatch()
    const refused = await waitFor(
      async () => {
        const r = await send(batch)
        if (r.status === 202) batch = newBatch() // sent before the free-space reading expired
        return r.status === 507 && r
      },
      5_000,
      200,
    )
    expect(refused.ok, 'a post answered 507 while the disk is full').toBe(true)
    const reason = refused.value && refused.value.body?.reason
    expect(reason).toMatch(/insufficient storage/)
    expect(reason).toMatch(/MOFANG_MIN_FREE_MB/)
    const health = await m.health()
    expect(health.status).toBe(503)
    expect(health.body.components.disk.ok).toBe(false)
    // It stays refused while the disk is full.
    for (const until = Date.now() + 2_000; Date.now() < until; await sleep(250))
      expect((await send(batch)).status).toBe(507)

    rmSync(filler)
    const recoveredMs = await untilAcked(batch, 10_000)
    for (let i = 0; i < 5; i++) await untilAcked(newBatch(), 10_000)
    expect(m.running()).toBe(true)
    expect(m.child.pid).toBe(pid)
    console.log(
      `disk: 507 said "${reason}"; 202 again ${recoveredMs} ms after the file was removed; answers ${JSON.stringify(Object.fromEntries(seen))}`,
    )
    await expectStoredOnce(
      m,
      run,
      acked,
      next * INTERACTIONS * PER,
      'disk below MOFANG_MIN_FREE_MB (30 MiB left), then freed',
    )

    // Full to the last byte right after an acknowledged batch: the sink's insert (and JetStream) may hit ENOSPC.
    const phase2 = runId()
    const before = acked.size
    const b2 = Array.from({ length: INTERACTIONS * PER }, (_, i) =>
      chatMessage('alpha', Date.now() - i, `${phase2}-i${i % INTERACTIONS}`, {
        eventId: `${phase2}-b0-${i}`,
        role: i % 2 ? 'agent' : 'customer',
      }),
    )
    expect((await send(b2)).status).toBe(202)
    fillUp(filler)
    console.log(`disk: ${(freeBytes() / MiB).toFixed(2)} MiB free after filling to the last byte`)
    expect(freeBytes()).toBeLessThan(MiB)
    await sleep(4_000)
    const full = await m.health()
    console.log(
      `disk: health while full: sink ${JSON.stringify(full.body.components.sink?.detail)}; disk ${JSON.stringify(full.body.components.disk?.detail)}`,
    )
    rmSync(filler)
    rmSync(`${filler}.rest`)
    const b3 = Array.from({ length: INTERACTIONS * PER }, (_, i) =>
      chatMessage('alpha', Date.now() - i, `${phase2}-i${i % INTERACTIONS}`, {
        eventId: `${phase2}-b1-${i}`,
        role: i % 2 ? 'agent' : 'customer',
      }),
    )
    const recovered2 = await untilAcked(b3, 45_000)
    console.log(
      `disk: after a completely full disk, 202 again ${recovered2} ms after the file was removed; answers ${JSON.stringify(Object.fromEntries(seen))}`,
    )
    expect(acked.size - before).toBe(2 * INTERACTIONS * PER)
    await expectStoredOnce(
      m,
      phase2,
      new Set([...acked].filter((id) => id.startsWith(phase2))),
      2 * INTERACTIONS * PER,
      'disk full to the last byte after a 202, then freed',
    )
    expect(m.running()).toBe(true)
    await m.stop()

    /** Every acknowledged id stored once, and each interaction's message count equal to its stored chat messages. */
    async function expectStoredOnce(
      mp: MofangProcess,
      prefix: string,
      ids: Set<string>,
      sent: number,
      scenario: string,
    ) {
      const settled = await waitFor(async () => (await tally(mp, 'alpha', prefix, ids)).lost === 0, 45_000, 500)
      const t = await tally(mp, 'alpha', prefix, ids)
      const facts = await mp.sql<{ id: string; messages: number; events: number }>(
        `SELECT f.interaction_id AS id, f.messages AS messages, e.n AS events
       FROM (SELECT interaction_id, messages FROM interaction_facts WHERE tenant = 'alpha' AND startsWith(interaction_id, '${prefix}')) AS f
       FULL JOIN (SELECT interaction_id, count() AS n FROM events WHERE tenant = 'alpha' AND type = 'chat.message' AND startsWith(interaction_id, '${prefix}') GROUP BY interaction_id) AS e
       USING (interaction_id) ORDER BY id`,
      )
      const ackedPerInteraction = (ids.size / INTERACTIONS) | 0
      console.log(
        `disk: ${scenario}: stored in ${settled.ms} ms; interactions (messages vs stored chat.message events) ${facts.map((f) => `${f.id.slice(prefix.length + 1)}:${f.messages}/${f.events}`).join(' ')}`,
      )
      summaryRow(scenario, { sent, acknowledged: ids.size, stored: t.stored, duplicates: t.duplicates, lost: t.lost })
      expect(t.lost, `lost e.g. ${t.lostSample.join(', ')}\n${mp.out.stderr}`).toBe(0)
      expect(t.duplicates, mp.out.stderr).toBe(0)
      expect(facts.length).toBe(INTERACTIONS)
      for (const f of facts) {
        expect(
          Number(f.messages),
          `interaction ${f.id}: messages in interaction_facts vs its stored chat.message events`,
        ).toBe(Number(f.events))
        expect(Number(f.events)).toBe(ackedPerInteraction)
      }
    }
  },
  120_000,
)

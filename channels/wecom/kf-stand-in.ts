/**
 * A stand-in for the three WeCom API calls the adapter makes (gettoken, kf/sync_msg, media/get), answering as
 * documented (https://developer.work.weixin.qq.com/document/path/94670), for the tests and the demo tenant: a
 * node:http request listener holding customers' messages (from SampleMessages) until sync_msg pages them out.
 * Serve it with `createServer(standIn.listener)` and point the tenant's `api_base` at it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { SampleMessage } from '../adapter.js'
import type { KfEntry } from './sync.js'

export interface KfStandInOptions {
  corpId: string
  /** A fixed token the API takes (the credentials' access_token). */
  accessToken?: string
  /** The app secret gettoken accepts; each gettoken issues a new token. */
  secret?: string
  /** Most messages per sync_msg page, below the request's limit (tests paging). Default 1000. */
  pageSize?: number
}

const json = (res: ServerResponse, body: unknown, status = 200) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

/** The msg_list entry WeCom would hold for a customer's sample message. */
function entryOf(sample: SampleMessage, openKfId: string): KfEntry {
  const base = {
    msgid: sample.messageId,
    open_kfid: openKfId,
    external_userid: sample.userId,
    send_time: Math.floor(sample.ts / 1000),
    origin: 3,
  }
  if (sample.imageUrl !== undefined) return { ...base, msgtype: 'image', image: { media_id: mediaIdOf(sample) } }
  return { ...base, msgtype: 'text', text: { content: sample.text ?? '' } }
}

const mediaIdOf = (sample: SampleMessage) => `media-${sample.messageId}`

export function createKfStandIn(opts: KfStandInOptions) {
  const log: KfEntry[] = []
  /** media_id → where the sample's file really is (media/get redirects there). */
  const media = new Map<string, string>()
  const issued = new Set<string>(opts.accessToken ? [opts.accessToken] : [])
  const calls = { gettoken: 0, sync_msg: 0 }

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (url.pathname.endsWith('/cgi-bin/gettoken')) {
      if (url.searchParams.get('corpid') !== opts.corpId || url.searchParams.get('corpsecret') !== opts.secret)
        return json(res, { errcode: 40001, errmsg: 'invalid credential' })
      const token = `tok-${++calls.gettoken}`
      issued.add(token)
      return json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 })
    }
    if (!issued.has(url.searchParams.get('access_token') ?? ''))
      return json(res, { errcode: 40014, errmsg: 'invalid access_token' })
    if (url.pathname.endsWith('/cgi-bin/media/get')) {
      const to = media.get(url.searchParams.get('media_id') ?? '')
      if (!to) return json(res, { errcode: 40007, errmsg: 'invalid media_id' })
      return res.writeHead(302, { location: to }).end()
    }
    if (url.pathname.endsWith('/cgi-bin/kf/sync_msg') && req.method === 'POST') {
      calls.sync_msg++
      const body = JSON.parse((await readBody(req)) || '{}') as { cursor?: string; limit?: number; open_kfid?: string }
      const mine = log.filter((e) => !body.open_kfid || e.open_kfid === body.open_kfid)
      // The cursor is opaque to the caller; here it is the position in this account's messages.
      const from = Number(body.cursor ?? 0)
      const to = Math.min(mine.length, from + Math.min(body.limit ?? 1000, opts.pageSize ?? 1000))
      return json(res, {
        errcode: 0,
        errmsg: 'ok',
        next_cursor: String(to),
        has_more: to < mine.length ? 1 : 0,
        msg_list: mine.slice(from, to),
      })
    }
    json(res, { errcode: 404, errmsg: `no such API: ${url.pathname}` }, 404)
  }

  return {
    /** Holds a customer's message for sync_msg (as an image message when it has an imageUrl). */
    push(sample: SampleMessage, openKfId: string): void {
      log.push(entryOf(sample, openKfId))
      if (sample.imageUrl !== undefined) media.set(mediaIdOf(sample), sample.imageUrl)
    },
    /** Holds an entry as given (system events, agents' messages, types the samples do not make). */
    pushEntry(entry: KfEntry): void {
      log.push(entry)
    },
    /** Makes the tokens gettoken issued invalid, as when WeCom expires them early. */
    revokeTokens(): void {
      issued.clear()
      if (opts.accessToken) issued.add(opts.accessToken)
    },
    calls,
    listener: ((req, res) => {
      answer(req, res).catch((err: Error) => json(res, { errcode: -1, errmsg: err.message }, 500))
    }) satisfies RequestListener,
  }
}

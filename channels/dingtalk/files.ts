/**
 * The files of DingTalk robot messages. DingTalk sends no URL, only a download code, and serves the file through two
 * authenticated calls the attachment store's single GET cannot make:
 *   1. POST {api}/v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn (s)} (2 hours; kept in the
 *      adapter state and reused: DingTalk throttles frequent token requests),
 *      https://open.dingtalk.com/document/orgapp/obtain-the-access_token-of-an-internal-app
 *   2. POST {api}/v1.0/robot/messageFiles/download {downloadCode, robotCode} with x-acs-dingtalk-access-token
 *      → {downloadUrl}, a temporary URL the store can GET,
 *      https://open.dingtalk.com/document/orgapp/download-the-file-content-of-the-robot-receiving-message
 * So the adapter resolves the codes here, through the endpoint's API client (AdapterContext.fetch), once the
 * request's signature is checked. It does so only for tenants that configured robot_code (an enterprise-internal
 * robot's robotCode is its app's AppKey, the appKey of step 1); a code that cannot be resolved leaves the attachment
 * without a source (recorded with its error), and the message is kept all the same.
 */
import type { AdapterContext, InboundAttachment } from '../adapter.js'
import type { DingTalkFile } from './messages.js'

export interface DingTalkFileApi {
  /** https://api.dingtalk.com, or a stand-in. */
  base: string
  /** The robot's code, which is also its app's AppKey. */
  robotCode: string
  appSecret: string
}

/** How long one call to DingTalk's API may take, ms: the webhook's answer waits for it. */
const CALL_TIMEOUT_MS = 5000
/** A token this close to its expiry is renewed, ms. */
const RENEW_MARGIN_MS = 300_000

async function postJson(
  ctx: AdapterContext,
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const res = await ctx.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  })
  if (!res.ok) throw new Error(`DingTalk answered ${res.status} for ${url}`)
  return (await res.json()) as Record<string, unknown>
}

async function accessToken(api: DingTalkFileApi, ctx: AdapterContext, key: string, now: number): Promise<string> {
  const kept = await ctx.state.get(key)
  if (kept) {
    const { token, expiresAt } = JSON.parse(kept) as { token: string; expiresAt: number }
    if (expiresAt - RENEW_MARGIN_MS > now) return token
  }
  const answer = await postJson(ctx, `${api.base}/v1.0/oauth2/accessToken`, {
    appKey: api.robotCode,
    appSecret: api.appSecret,
  })
  if (typeof answer.accessToken !== 'string') throw new Error('DingTalk gave no accessToken')
  const expiresAt = now + Number(answer.expireIn ?? 7200) * 1000
  await ctx.state.put(key, JSON.stringify({ token: answer.accessToken, expiresAt }))
  return answer.accessToken
}

/** The message's files as attachments the store can fetch (without a source where DingTalk did not resolve one). */
export async function dingtalkAttachments(
  files: DingTalkFile[],
  api: DingTalkFileApi | undefined,
  ctx: AdapterContext,
  now: number,
): Promise<InboundAttachment[]> {
  const key = `access_token:${api?.robotCode}`
  const out: InboundAttachment[] = []
  // One after another: the first call's token serves the rest.
  for (const f of files) {
    const attachment: InboundAttachment = { kind: f.kind, ...(f.name && { name: f.name }) }
    if (api) {
      try {
        const token = await accessToken(api, ctx, key, now)
        const answer = await postJson(
          ctx,
          `${api.base}/v1.0/robot/messageFiles/download`,
          { downloadCode: f.downloadCode, robotCode: api.robotCode },
          { 'x-acs-dingtalk-access-token': token },
        )
        if (typeof answer.downloadUrl === 'string') attachment.fetch = { url: answer.downloadUrl }
      } catch {
        // Forget the token (it may be the reason: revoked, or the secret changed); the next message gets a new one.
        await ctx.state.put(key, '')
      }
    }
    out.push(attachment)
  }
  return out
}

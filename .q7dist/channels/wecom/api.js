/**
 * The WeCom server API as the customer-service adapter calls it: JSON answers with `errcode`, and the access token,
 * either configured (refreshed by someone else) or got with the app's secret (gettoken, cached in the channel state).
 * https://developer.work.weixin.qq.com/document/path/91039 (获取access_token)
 */
import { createHash } from 'node:crypto';
import { apiUrl } from '../wechat/api.js';
/** How long one API call may take, ms: WeCom gives the whole callback five seconds before it retries. */
const API_TIMEOUT_MS = 4_000;
/** A cached token is renewed this long before WeCom says it expires, ms. */
const TOKEN_MARGIN_MS = 300_000;
/** errcodes of a token WeCom no longer takes (invalid, expired): renewed once, then the call is tried again. */
const TOKEN_REJECTED = new Set([40014, 42001]);
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';
/** A WeCom API call failed (transport, HTTP status or errcode); the callback fails and WeCom retries it. */
export class WeComApiError extends Error {
    api;
    errcode;
    constructor(api, errcode, reason, options) {
        super(`WeCom ${api}: ${reason}`, options);
        this.api = api;
        this.errcode = errcode;
        this.name = 'WeComApiError';
    }
}
/** Calls `path` (GET, or POST with a JSON body) and returns the answer; errcode 0 or absent is success. */
export async function callApi(ctx, access, path, query, body) {
    // The URL holds the access token: errors name the path only.
    const url = apiUrl(access.api_base ?? DEFAULT_WECOM_API_BASE, path, query);
    let answer;
    try {
        const res = await ctx.fetch(url, {
            method: body === undefined ? 'GET' : 'POST',
            headers: body === undefined ? undefined : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(API_TIMEOUT_MS),
        });
        if (!res.ok)
            throw new WeComApiError(path, undefined, `HTTP ${res.status}`);
        answer = await res.json();
    }
    catch (err) {
        if (err instanceof WeComApiError)
            throw err;
        throw new WeComApiError(path, undefined, err.message, { cause: err });
    }
    if (typeof answer !== 'object' || answer === null)
        throw new WeComApiError(path, undefined, 'not a JSON object');
    const { errcode, errmsg } = answer;
    if (errcode !== undefined && errcode !== 0)
        throw new WeComApiError(path, Number(errcode), `errcode ${String(errcode)}: ${String(errmsg)}`);
    return answer;
}
/** The channel-state key of the token got with this secret (a new secret never reads the old one's token). */
const tokenKey = (access) => `access_token:${createHash('sha256').update(`${access.corp_id}:${access.secret}`).digest('hex').slice(0, 16)}`;
/** The configured token, else a cached one, else (or when `renew`) a new one from gettoken. */
async function accessToken(ctx, access, now, renew) {
    if (access.access_token)
        return access.access_token;
    if (!access.secret)
        throw new WeComApiError('gettoken', undefined, 'neither access_token nor secret is configured');
    const key = tokenKey(access);
    const cached = renew ? undefined : await ctx.state.get(key);
    if (cached) {
        const { token, expires_at } = JSON.parse(cached);
        if (expires_at - TOKEN_MARGIN_MS > now)
            return token;
    }
    const got = await callApi(ctx, access, '/cgi-bin/gettoken', { corpid: access.corp_id, corpsecret: access.secret });
    const token = got.access_token;
    if (typeof token !== 'string' || !token)
        throw new WeComApiError('gettoken', undefined, 'no access_token');
    const expires_at = now + Number(got.expires_in ?? 7200) * 1000;
    await ctx.state.put(key, JSON.stringify({ token, expires_at }));
    return token;
}
/**
 * Runs `call` with an access token; when WeCom rejects a token got with the secret (expired early, revoked),
 * renews it once and runs `call` again. Returns the result and the token that worked (media URLs need it).
 */
export async function withAccessToken(ctx, access, now, call) {
    const token = await accessToken(ctx, access, now, false);
    try {
        return { result: await call(token), token };
    }
    catch (err) {
        const renewable = access.secret && !access.access_token;
        if (!(renewable && err instanceof WeComApiError && TOKEN_REJECTED.has(err.errcode ?? 0)))
            throw err;
        const renewed = await accessToken(ctx, access, now, true);
        return { result: await call(renewed), token: renewed };
    }
}
//# sourceMappingURL=api.js.map
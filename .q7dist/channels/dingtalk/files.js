/** How long one call to DingTalk's API may take, ms: the webhook's answer waits for it. */
const CALL_TIMEOUT_MS = 5000;
/** A token this close to its expiry is renewed, ms. */
const RENEW_MARGIN_MS = 300_000;
async function postJson(ctx, url, body, headers = {}) {
    const res = await ctx.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    if (!res.ok)
        throw new Error(`DingTalk answered ${res.status} for ${url}`);
    return (await res.json());
}
async function accessToken(api, ctx, key, now) {
    const kept = await ctx.state.get(key);
    if (kept) {
        const { token, expiresAt } = JSON.parse(kept);
        if (expiresAt - RENEW_MARGIN_MS > now)
            return token;
    }
    const answer = await postJson(ctx, `${api.base}/v1.0/oauth2/accessToken`, {
        appKey: api.robotCode,
        appSecret: api.appSecret,
    });
    if (typeof answer.accessToken !== 'string')
        throw new Error('DingTalk gave no accessToken');
    const expiresAt = now + Number(answer.expireIn ?? 7200) * 1000;
    await ctx.state.put(key, JSON.stringify({ token: answer.accessToken, expiresAt }));
    return answer.accessToken;
}
/** The message's files as attachments the store can fetch (without a source where DingTalk did not resolve one). */
export async function dingtalkAttachments(files, api, ctx, now) {
    const key = `access_token:${api?.robotCode}`;
    const out = [];
    // One after another: the first call's token serves the rest.
    for (const f of files) {
        const attachment = { kind: f.kind, ...(f.name && { name: f.name }) };
        if (api) {
            try {
                const token = await accessToken(api, ctx, key, now);
                const answer = await postJson(ctx, `${api.base}/v1.0/robot/messageFiles/download`, { downloadCode: f.downloadCode, robotCode: api.robotCode }, { 'x-acs-dingtalk-access-token': token });
                if (typeof answer.downloadUrl === 'string')
                    attachment.fetch = { url: answer.downloadUrl };
            }
            catch {
                // Forget the token (it may be the reason: revoked, or the secret changed); the next message gets a new one.
                await ctx.state.put(key, '');
            }
        }
        out.push(attachment);
    }
    return out;
}
//# sourceMappingURL=files.js.map
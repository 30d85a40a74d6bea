/**
 * MOFANG_PBX_AMI: the PBX feeds, comma separated, one per tenant and PBX:
 *
 *   <tenant>=ami://<user>:<secret>@<host>[:<port>][?<option>=<value>&…]
 *
 *   agents=<file>            JSON object: queue member Interface or MemberName → Mofang agent id
 *   inbound=<context>        a dialplan context where outside calls arrive (repeat for several)
 *   recordings=<url>         URL of the PBX's monitor directory as Mofang reaches it
 *   monitor_dir=<path>       the PBX's monitor directory (default /var/spool/asterisk/monitor)
 *   recording_channels=1|2   2 when recordings are stereo (agent and customer apart)
 *
 * e.g. `acme=ami://mofang:s3cret@10.0.0.5:5038?agents=/etc/mofang/agents.json&inbound=from-pstn`. User and secret
 * are percent-encoded like any URL's. Every problem names the variable and the entry, never the secret.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, idProblem } from '../../core/index.js';
const SETTING = 'MOFANG_PBX_AMI';
const TENANT = /^[a-z0-9][a-z0-9_-]*$/;
const OPTIONS = ['agents', 'inbound', 'recordings', 'monitor_dir', 'recording_channels'];
const EXAMPLE = 'expected <tenant>=ami://<user>:<secret>@<host>:<port>, e.g. acme=ami://mofang:secret@10.0.0.5:5038';
/** Parses the setting; throws ConfigError naming MOFANG_PBX_AMI and the entry. */
export function parseAmiFeeds(value, readFile = (path) => readFileSync(path, 'utf8')) {
    if (!value?.trim())
        return [];
    // Entries are split where the next `<tenant>=ami://` begins, so a comma inside an option value stays in it.
    const entries = value.split(/,(?=\s*[^,=\s]+=ami:\/\/)/).map((e) => e.trim());
    const feeds = entries.map((entry, i) => parseEntry(entry, `entry ${i + 1}`, readFile));
    const seen = new Set();
    for (const f of feeds) {
        const key = `${f.tenant}@${f.host}:${f.port}`;
        if (seen.has(key))
            throw new ConfigError(SETTING, `${key} is listed twice`);
        seen.add(key);
    }
    return feeds;
}
function parseEntry(entry, where, readFile) {
    const eq = entry.indexOf('=');
    const tenant = entry.slice(0, eq);
    const fail = (reason) => {
        throw new ConfigError(SETTING, `${where}${TENANT.test(tenant) ? ` (${tenant})` : ''}: ${reason}`);
    };
    if (eq <= 0 || !TENANT.test(tenant))
        fail(`${EXAMPLE}; the tenant is lower-case letters, digits, - and _`);
    let url;
    try {
        url = new URL(entry.slice(eq + 1));
    }
    catch {
        return fail(EXAMPLE);
    }
    if (url.protocol !== 'ami:' || !url.hostname)
        fail(EXAMPLE);
    const username = decodeURIComponent(url.username);
    const secret = decodeURIComponent(url.password);
    if (!username || !secret)
        fail('the AMI user and secret are missing (ami://<user>:<secret>@<host>:<port>)');
    if (/[\r\n]/.test(username + secret))
        fail('the AMI user and secret must not contain line breaks');
    const port = url.port ? Number(url.port) : 5038;
    const q = url.searchParams;
    const unknown = [...q.keys()].filter((k) => !OPTIONS.includes(k));
    if (unknown.length)
        fail(`unknown option ${unknown[0]} (known: ${OPTIONS.join(', ')})`);
    const channels = q.get('recording_channels');
    if (channels !== null && channels !== '1' && channels !== '2')
        fail('recording_channels must be 1 or 2');
    const recordings = q.get('recordings') ?? undefined;
    if (recordings !== undefined && !URL.canParse(recordings))
        fail(`recordings is not a URL: ${recordings}`);
    const agentsFile = q.get('agents');
    return {
        tenant,
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        username,
        secret,
        ...(agentsFile && { agents: readAgents(agentsFile, fail, readFile) }),
        ...(q.has('inbound') && { inboundContexts: q.getAll('inbound').filter(Boolean) }),
        ...(recordings && { recordingsBase: recordings }),
        ...(q.get('monitor_dir') && { monitorDir: q.get('monitor_dir') }),
        ...(channels && { recordingChannels: Number(channels) }),
    };
}
function readAgents(file, fail, readFile) {
    let raw;
    try {
        raw = JSON.parse(readFile(file));
    }
    catch (err) {
        return fail(`agents file ${file}: ${err.message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return fail(`agents file ${file}: expected {"<Interface or MemberName>": "<agent id>", …}`);
    const bad = Object.entries(raw).find(([, v]) => typeof v !== 'string' || idProblem(v) !== undefined);
    if (bad)
        fail(`agents file ${file}: ${bad[0]}: the agent id must be 1-128 characters without spaces`);
    return raw;
}
//# sourceMappingURL=settings.js.map
/**
 * Settings of the forecast service, from the validated configuration (core/config.ts);
 * the targets and regions are parsed here, at start, with errors naming the variable.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, LIVE_CHAT_CHANNELS } from '../core/index.js';
import { MAX_CONCURRENCY } from '../kits/erlang/index.js';
export const DEFAULT_TARGETS = {
    voice: { serviceLevel: 0.8, threshold: 20 },
    '*': { serviceLevel: 0.8, threshold: 60 },
};
/** `voice:80/20,*:80/60` → targets. */
export function parseTargets(text, variable = 'MOFANG_SL_TARGETS') {
    const out = {};
    for (const part of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^([\w*-]+):(\d+(?:\.\d+)?)\/(\d+)$/.exec(part);
        if (!m || !(+m[2] > 0 && +m[2] < 100))
            throw new ConfigError(variable, `expected channel:SL/seconds like voice:80/20, got "${part}"`);
        out[m[1]] = { serviceLevel: +m[2] / 100, threshold: +m[3] };
    }
    return { ...DEFAULT_TARGETS, ...out };
}
export const targetFor = (targets, channel) => targets[channel] ?? targets['*'] ?? DEFAULT_TARGETS['*'];
/** Channels staffed as chats (core LIVE_CHAT_CHANNELS). */
export const CHAT_CHANNELS = new Set(LIVE_CHAT_CHANNELS);
/** Three chats per agent, as the simulated centre's chat agents take (`mofang simulate --max-chats`, default 3). */
export const DEFAULT_CHAT = { concurrency: 3 };
/** `3` or `3,vip:2,complaints:1` → chats per agent, and per queue. */
export function parseChatConcurrency(text, variable = 'MOFANG_CHAT_CONCURRENCY') {
    const out = { ...DEFAULT_CHAT, queues: {} };
    const whole = (v, part) => {
        const k = Number(v);
        if (!/^\d+$/.test(v) || k < 1 || k > MAX_CONCURRENCY)
            throw new ConfigError(variable, `expected chats per agent 1-${MAX_CONCURRENCY} or queue:k like vip:2, got "${part}"`);
        return k;
    };
    for (const part of text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = part.lastIndexOf(':');
        if (at < 0)
            out.concurrency = whole(part, part);
        else if (at === 0)
            whole('', part);
        else
            out.queues[part.slice(0, at)] = whole(part.slice(at + 1).trim(), part);
    }
    return out;
}
/** Chats per agent and slowdown for a queue and channel; undefined for channels that are not chat. */
export function chatConcurrencyOf(chat, queue, channel) {
    if (!CHAT_CHANNELS.has(channel))
        return undefined;
    return { concurrency: chat.queues?.[queue] ?? chat.concurrency, slowdown: chat.slowdown };
}
/** The staffing target of one queue and channel: the channel's service level, and for chats the concurrency. */
export function staffingTarget(targets, chat, queue, channel) {
    return { ...targetFor(targets, channel), ...chatConcurrencyOf(chat, queue, channel) };
}
function parseRegions(text) {
    const json = text.trim().startsWith('[') ? text : readFileSync(text, 'utf8');
    let data;
    try {
        data = JSON.parse(json);
    }
    catch (err) {
        throw new ConfigError('MOFANG_WEATHER_REGIONS', `not JSON: ${err.message}`);
    }
    if (!Array.isArray(data))
        throw new ConfigError('MOFANG_WEATHER_REGIONS', 'expected a JSON array of { region, latitude, longitude, queues }');
    return data.map((r, i) => {
        if (typeof r.region !== 'string' ||
            !Array.isArray(r.queues) ||
            typeof r.latitude !== 'number' ||
            typeof r.longitude !== 'number') {
            throw new ConfigError('MOFANG_WEATHER_REGIONS', `item ${i}: needs region (string), latitude, longitude (numbers) and queues (array)`);
        }
        return { region: r.region, latitude: r.latitude, longitude: r.longitude, queues: r.queues.map(String) };
    });
}
/** The service's options from the MOFANG_FORECAST_* / MOFANG_WEATHER_* / MOFANG_SURGE_* settings (core/config.ts). */
export function forecastSettings(config) {
    return {
        timeZone: config.timeZone,
        everyMinutes: config.forecastEveryMin,
        historyDays: config.forecastHistoryDays,
        days: config.forecastDays,
        targets: parseTargets(config.slTargets),
        chat: { ...parseChatConcurrency(config.chatConcurrency), slowdown: config.chatSlowdown },
        weatherSource: config.weatherSource === 'none' ? undefined : config.weatherSource,
        regions: config.weatherRegions ? parseRegions(config.weatherRegions) : undefined,
        surgeHours: config.surgeHours,
        surgeThreshold: config.surgeThreshold,
        surgeMinContacts: config.surgeMinContacts,
        rainUpliftPer10mm: config.rainUpliftPer10mm,
    };
}
//# sourceMappingURL=service-settings.js.map
const NS_PER_DAY = 86_400 * 1_000_000_000;
async function setMaxAge(jsm, stream, maxAgeNs) {
    const info = await jsm.streams.info(stream).catch(() => undefined);
    if (!info || info.config.max_age === maxAgeNs)
        return undefined;
    await jsm.streams.update(stream, { max_age: maxAgeNs });
    return `${stream}: ${maxAgeNs ? `keeps ${maxAgeNs / NS_PER_DAY} days` : 'keeps messages for ever'}`;
}
/** Applies the settings' stream and KV retention; returns the changes made, e.g. `KV_identities: keeps 365 days`. */
export async function applyStreamRetention(jsm, topology, config) {
    const changes = [];
    if (config.retentionEventsDays !== undefined) {
        const dlq = await jsm.streams.info(topology.dlqStream);
        const cap = config.retentionEventsDays * NS_PER_DAY;
        if (!dlq.config.max_age || dlq.config.max_age > cap)
            changes.push(await setMaxAge(jsm, topology.dlqStream, cap));
    }
    const ttl = (config.retentionIdentitiesDays ?? 0) * NS_PER_DAY;
    changes.push(await setMaxAge(jsm, `KV_${topology.identityBucket}`, ttl));
    return changes.filter((c) => c !== undefined);
}
//# sourceMappingURL=stream-retention.js.map
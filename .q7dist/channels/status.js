import { CHANNEL_REFUSALS } from './adapter.js';
export class ChannelStatusBoard {
    rows = new Map();
    /** Every configured channel starts on the board, so a silent one shows (never heard from). */
    constructor(configured) {
        for (const [tenant, platform] of configured)
            this.row(tenant, platform);
    }
    row(tenant, platform) {
        const key = `${tenant}/${platform}`;
        let row = this.rows.get(key);
        if (!row)
            this.rows.set(key, (row = { tenant, platform, last_message_at: null, messages: 0, errors: {} }));
        return row;
    }
    stored(tenant, platform, messages, now) {
        const row = this.row(tenant, platform);
        row.messages += messages;
        if (messages)
            row.last_message_at = now;
    }
    failed(tenant, platform, reason, text, now) {
        const row = this.row(tenant, platform);
        row.errors[reason] = (row.errors[reason] ?? 0) + 1;
        row.last_error = { at: now, reason: text };
    }
    list(tenant) {
        return [...this.rows.values()].filter((r) => tenant === undefined || r.tenant === tenant);
    }
    /** Prometheus lines: messages and errors per tenant, platform and reason. */
    prometheus() {
        const lines = ['# TYPE mofang_channel_messages_total counter', '# TYPE mofang_channel_errors_total counter'];
        const reasons = [
            ...Object.keys(CHANNEL_REFUSALS),
            'unavailable',
            'mapping_invalid',
        ];
        for (const r of this.rows.values()) {
            const labels = `tenant="${r.tenant}",platform="${r.platform}"`;
            lines.push(`mofang_channel_messages_total{${labels}} ${r.messages}`);
            for (const reason of reasons)
                lines.push(`mofang_channel_errors_total{${labels},reason="${reason}"} ${r.errors[reason] ?? 0}`);
        }
        return lines.join('\n');
    }
}
//# sourceMappingURL=status.js.map
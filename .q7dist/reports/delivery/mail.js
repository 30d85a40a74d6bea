const CONTENT_TYPES = {
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    csv: 'text/csv; charset=utf-8',
};
const WORDS = {
    zh: {
        title: { daily: '服务日报', weekly: '服务周报', monthly: '服务月报' },
        body: (days, kinds) => `附件为 ${days} 的服务报告（${kinds}）。\n\n此邮件由魔方自动发送，请勿直接回复。`,
    },
    en: {
        title: { daily: 'Daily service report', weekly: 'Weekly service report', monthly: 'Monthly service report' },
        body: (days, kinds) => `Attached: the service report for ${days} (${kinds}).\n\nSent automatically by Mofang; replies are not read.`,
    },
};
/** "2026-03-01", "2026-02-23 – 2026-03-01" or "2026-02". */
function daysLabel(o) {
    if (o.schedule.period === 'daily')
        return o.periodStart;
    if (o.schedule.period === 'monthly')
        return o.periodStart.slice(0, 7);
    return `${o.periodStart} – ${o.periodEnd}`;
}
export const messageIdOf = (o, domain) => `<${o.key}.report@${domain}>`;
export const attachmentName = (o, format) => `mofang-${o.schedule.tenant}-${o.schedule.period}-${o.periodStart}.${format}`;
export function reportMail(o, files, messageIdDomain) {
    const words = WORDS[o.schedule.lang];
    const days = daysLabel(o);
    return {
        to: o.schedule.recipients,
        subject: `${words.title[o.schedule.period]} · ${o.schedule.tenant} · ${days}`,
        text: words.body(days, [...files.keys()].map((f) => f.toUpperCase()).join(', ')),
        messageId: messageIdOf(o, messageIdDomain),
        attachments: [...files].map(([format, content]) => ({
            filename: attachmentName(o, format),
            content,
            contentType: CONTENT_TYPES[format],
        })),
    };
}
//# sourceMappingURL=mail.js.map
import { parseSchedules } from './schedules.js';
/** Undefined when no schedule is set (then the service is not started); throws a ConfigError for a bad schedule. */
export function reportDeliverySettings(config) {
    if (config.reportSchedules === undefined)
        return undefined;
    return {
        schedules: parseSchedules(config.reportSchedules, config.timeZone),
        smtp: {
            // core/config.ts refuses schedules without a server and a sender.
            url: config.smtpUrl,
            from: config.smtpFrom,
            user: config.smtpUser,
            password: config.smtpPassword,
            tls: config.smtpTls,
            verifyCertificate: config.smtpTlsVerify,
        },
    };
}
//# sourceMappingURL=settings.js.map
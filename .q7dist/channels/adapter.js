/** The platforms served at `/v1/channels/<tenant>/<platform>`. */
export const PLATFORMS = ['wechat', 'wecom', 'dingtalk', 'facebook', 'line', 'email'];
/**
 * Why a request is refused: a closed set, each with a counter (channels/status.ts) and an HTTP status.
 * Nothing of a refused request is stored.
 */
export const CHANNEL_REFUSALS = {
    not_configured: 404,
    missing_signature: 401,
    bad_signature: 401,
    stale: 401,
    replayed: 409,
    malformed: 400,
    unknown_type: 422,
    too_large: 413,
    unsupported_media_type: 415,
};
/** Thrown by an adapter (or the endpoint) to refuse a request; the endpoint answers `{ error, reason, field? }`. */
export class ChannelRefusal extends Error {
    code;
    field;
    constructor(code, reason, field) {
        super(reason);
        this.name = 'ChannelRefusal';
        this.code = code;
        this.field = field;
    }
    get status() {
        return CHANNEL_REFUSALS[this.code];
    }
}
/** Declares an adapter with its credential type inferred from its schema. */
export const defineAdapter = (adapter) => adapter;
//# sourceMappingURL=adapter.js.map
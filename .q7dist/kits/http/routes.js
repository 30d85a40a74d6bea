import { HttpError, sendError, sendJson } from './helpers.js';
/** The routes a handler declares (a routes() table, or a handler that combines tables), [] when it declares none. */
export const declaredRoutes = (h) => h.routes ?? [];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^([A-Z]+) (\/\S*)$/;
/** Builds one Handler from a table of `METHOD /path` → handler (see the top of this file). */
export function routes(table, opts = {}) {
    const compiled = Object.entries(table)
        .map(([key, spec]) => {
        const { handle, needs } = typeof spec === 'function' ? { handle: spec, needs: undefined } : spec;
        const m = KEY.exec(key);
        if (!m)
            throw new Error(`route "${key}": expected "METHOD /path"`);
        if (opts.needsRequired && !needs)
            throw new Error(`route "${key}": declare what it needs ({ needs, handle })`);
        if (opts.prefix && !m[2].startsWith(opts.prefix))
            throw new Error(`route "${key}": the path is outside the table's prefix ${opts.prefix}`);
        const segments = m[2].split('/');
        const literals = segments.filter((x) => !x.startsWith(':')).length;
        return { key, method: m[1], segments, literals, needs, handle };
    })
        .sort((a, b) => b.literals - a.literals); // stable: the table's order among equals
    const headers = opts.headers ?? {};
    const handler = async (req, res) => {
        let url;
        try {
            url = new URL(req.url ?? '/', 'http://localhost');
        }
        catch {
            return false; // the server answers an unparsable request target itself
        }
        const path = url.pathname;
        if (opts.prefix && !path.startsWith(opts.prefix))
            return false;
        const segments = path.split('/');
        const known = compiled.filter((r) => paramsOf(r.segments, segments));
        if (known.length === 0 && !opts.prefix)
            return false;
        try {
            if (known.length === 0)
                throw new HttpError(404, 'not_found', `no route for ${req.method} ${path}`);
            const method = req.method ?? 'GET';
            const hit = known.find((r) => r.method === method) ??
                (method === 'HEAD' ? known.find((r) => r.method === 'GET') : undefined);
            if (!hit) {
                const methods = new Set(known.map((r) => r.method));
                if (methods.has('GET'))
                    methods.add('HEAD');
                const allow = [...methods].join(', ');
                throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}: use ${allow}`, undefined, {
                    allow,
                });
            }
            const params = paramsOf(hit.segments, segments);
            const who = (opts.guard ? await opts.guard(req, url, hit.key, hit.needs) : undefined);
            if (opts.bodies !== 'any' && STATE_CHANGING.has(method))
                refuseNonJson(req);
            const value = await hit.handle({ req, res, url, params, who });
            if (!res.headersSent && !res.writableEnded)
                sendJson(res, 200, value ?? null, headers);
        }
        catch (err) {
            const answer = err instanceof HttpError ? err : opts.unexpected?.(err, req);
            if (!answer)
                throw err;
            if (res.headersSent)
                res.destroy();
            else
                sendError(res, answer, headers);
        }
        return true;
    };
    const declared = compiled.map(({ key, needs }) => ({ key, ...(needs && { needs }) }));
    return Object.assign(handler, { routes: declared });
}
/** 415 for a body that is not JSON: a content type that a cross-site form can send (form, multipart, text). */
function refuseNonJson(req) {
    const type = req.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type))
        throw new HttpError(415, 'unsupported_media_type', `send JSON (content-type: application/json), not ${type}`);
}
/** The `:name` segments when `path` matches `pattern` (both split on '/'), else undefined. */
function paramsOf(pattern, path) {
    if (pattern.length !== path.length)
        return undefined;
    const params = {};
    for (let i = 0; i < pattern.length; i++) {
        const p = pattern[i];
        if (p.startsWith(':') && path[i] !== '')
            params[p.slice(1)] = path[i];
        else if (p !== path[i])
            return undefined;
    }
    return params;
}
//# sourceMappingURL=routes.js.map
/** URLs of the WeChat and WeCom server APIs, under a configurable base (a test server, a proxy with a path). */
/** `base` + `path` with the query set; a base with a path of its own (a proxy's prefix) keeps it. */
export function apiUrl(base, path, query) {
    const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query))
        url.searchParams.set(name, value);
    return url.href;
}
//# sourceMappingURL=api.js.map
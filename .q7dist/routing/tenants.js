/**
 * Tenant → configuration. A file's tenant named "default" (a single-tenant file without `tenant`) routes every
 * tenant that has an API key, unless the file names that tenant too.
 */
export function tenantsOf(file, keyTenants) {
    const out = new Map();
    if (file.default)
        for (const t of keyTenants)
            out.set(t, { ...file.default, tenant: t });
    for (const [t, cfg] of Object.entries(file))
        if (t !== 'default')
            out.set(t, cfg);
    return out;
}
//# sourceMappingURL=tenants.js.map
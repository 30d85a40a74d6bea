/** A count where the slot was open, 0 where it was closed (NaN in the grid). */
export const countAt = (values, slot) => {
    const v = values[slot];
    return v === v ? v : 0;
};
/** The last `k` training days with this weekday, most recent first. */
export function recentSameWeekday(train, weekday, k) {
    const out = [];
    for (let i = train.days.length - 1; i >= 0 && out.length < k; i--) {
        if (train.days[i].weekday === weekday)
            out.push(train.days[i]);
    }
    return out;
}
/** Mean of the given days per slot (closed slots count as 0). */
export function meanProfile(days, slots) {
    const out = new Float64Array(slots);
    if (days.length === 0)
        return out;
    for (const d of days)
        for (let s = 0; s < slots; s++)
            out[s] += countAt(d.values, s);
    for (let s = 0; s < slots; s++)
        out[s] /= days.length;
    return out;
}
//# sourceMappingURL=types.js.map
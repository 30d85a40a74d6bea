export function hasSkills(agent, contact) {
    return contact.needs.every((s) => agent.profile.skills.includes(s));
}
/** Least busy, then longest idle; contacts by priority, then longest waiting. */
export const longestIdle = {
    agentFor(contact, available) {
        let best;
        for (const a of available) {
            if (!hasSkills(a, contact))
                continue;
            if (!best || a.active < best.active || (a.active === best.active && a.idleSince < best.idleSince))
                best = a;
        }
        return best;
    },
    contactFor(agent, heads) {
        let best;
        for (const c of heads) {
            if (!hasSkills(agent, c))
                continue;
            if (!best || c.priority > best.priority || (c.priority === best.priority && c.waitingSince < best.waitingSince))
                best = c;
        }
        return best;
    },
};
//# sourceMappingURL=assignment.js.map
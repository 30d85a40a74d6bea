/**
 * The people in the simulation: agents (fixed at start, from the seed) and customers
 * (created as they first get in touch, then coming back on other channels).
 * Both carry their ground truth so tests can check what downstream modules infer.
 */
import { IDENTITY_KINDS } from '../core/index.js';
import { Random } from '../kits/sim/index.js';
import { personName, formOfAddress } from './names.js';
import { QUEUES, TEAMS, ENGLISH_SKILL } from './catalog.js';
export const SHIFTS = {
    early: { name: 'early', start: 8, hours: 9 },
    day: { name: 'day', start: 9, hours: 9 },
    mid: { name: 'mid', start: 11, hours: 9 },
    late: { name: 'late', start: 13, hours: 9 },
    evening: { name: 'evening', start: 14, hours: 9 },
    night: { name: 'night', start: 22, hours: 10 },
};
/** One day off a week (a six-day week is common in Chinese centres), mostly at the weekend. */
const DAYS_OFF = [[0], [6], [0], [6], [1], [2], [3], [4], [5]];
/** Builds the agent roster; the same seed and size always give the same people. */
export function createAgents(seed, count, maxChats) {
    const rng = new Random(seed * 7919 + 17);
    const agents = [];
    for (let i = 0; i < count; i++) {
        const team = TEAMS[i % TEAMS.length];
        const digital = team.media === 'digital';
        // Chat agents are mostly generalists and often write English (Facebook, LINE).
        const english = rng.chance(0.45);
        const name = personName(rng, english && rng.chance(0.4) ? 'en' : 'zh');
        const skills = [team.primary];
        for (const q of QUEUES)
            if (q.id !== team.primary && q.id !== 'vip' && rng.chance(digital ? 0.7 : 0.4))
                skills.push(q.skill);
        if (rng.chance(0.15))
            skills.push('vip');
        if (english)
            skills.push(ENGLISH_SKILL);
        const r = rng.next();
        const politeness = r < 0.65 ? 'polite' : r < 0.85 ? 'neutral' : 'rude';
        agents.push({
            id: `a${1001 + i}`,
            name: name.full,
            nickname: name.latin.includes('.') ? name.full.split(' ')[0] : '小' + name.surname,
            team: team.name,
            site: team.site,
            skills,
            media: team.media,
            capacity: team.media === 'voice' ? 1 : maxChats,
            politeness,
            speed: rng.uniform(0.8, 1.3),
            competence: rng.uniform(0.85, 1.1),
            shift: SHIFTS.early,
            daysOff: count >= 20 ? rng.pick(DAYS_OFF) : [],
        });
    }
    assignShifts(agents);
    ensureCoverage(agents);
    return agents;
}
/** Voice agents cover 08:00-22:00; digital agents cover the clock, with a thin night shift. */
function assignShifts(agents) {
    for (const media of ['voice', 'digital']) {
        const group = agents.filter((a) => a.media === media);
        const { early, day, mid, late, evening, night } = SHIFTS;
        // Staffing follows demand: voice peaks 10:00-16:00 and closes at 22:00; chat stays busy in the evening.
        const plan = media === 'voice'
            ? [early, day, mid, late, day, early, late, day]
            : [early, day, mid, evening, night, day, mid, evening];
        group.forEach((a, i) => (a.shift = plan[i % plan.length]));
    }
}
/**
 * Every queue, VIP and English must be servable on both media in every shift, or contacts
 * would wait forever; politeness must include both ends so QA has something to find.
 */
function ensureCoverage(agents) {
    const needs = [...QUEUES.map((q) => q.skill), ENGLISH_SKILL];
    for (const media of ['voice', 'digital']) {
        for (const shift of Object.values(SHIFTS)) {
            const group = agents.filter((a) => a.media === media && a.shift === shift);
            needs.forEach((skill, k) => {
                if (group.length && !group.some((a) => a.skills.includes(skill)))
                    group[k % group.length].skills.push(skill);
            });
        }
    }
    if (agents.length >= 3) {
        if (!agents.some((a) => a.politeness === 'rude'))
            agents[agents.length - 1].politeness = 'rude';
        if (!agents.some((a) => a.politeness === 'polite'))
            agents[0].politeness = 'polite';
    }
}
/** Creates customers with unique identities: the index is folded into every identifier. */
export class CustomerBase {
    rng;
    seed;
    all = [];
    constructor(rng, seed) {
        this.rng = rng;
        this.seed = seed;
    }
    create(language, now) {
        const rng = this.rng;
        const n = this.all.length;
        const name = personName(rng, language);
        // 7919 is coprime with 10^8, so n → n·7919 mod 10^8 never repeats a number.
        const local = String((n * 7919 + this.seed * 104729) % 100_000_000).padStart(8, '0');
        const phone = language === 'zh'
            ? `+861${rng.pick(['3', '5', '8', '9'])}${rng.int(0, 9)}${local}`
            : `+${rng.pick(['44', '1', '65', '66', '81'])}7${local}`;
        const domain = language === 'zh'
            ? rng.pick(['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com'])
            : rng.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com']);
        const tag = n.toString(36);
        const identities = {
            phone,
            email: `${name.latin}.${tag}${rng.int(1, 99)}@${domain}`,
            wechat_openid: `oX${rng.token(20)}${tag}`,
            app_user_id: `u${this.seed}${tag}${rng.digits(4)}`,
            dingtalk_id: `dt_${rng.token(10)}${tag}`,
            // Derived, not drawn: a new identity kind must not shift the seeded draws every other test relies on.
            wecom_external_userid: `wm${this.seed}${tag}`,
            facebook_psid: `${rng.digits(12)}${n}`,
            line_user_id: `U${rng.token(24)}${tag}`,
            crm_id: `CRM-${this.seed}-${10000 + n}`,
            ...(rng.chance(0.6) ? { wechat_unionid: `oU${rng.token(20)}${tag}` } : {}),
        };
        const customer = {
            key: `cust-${this.seed}-${n}`,
            name,
            language,
            address: formOfAddress(name, language),
            vip: rng.chance(0.05) ? rng.int(1, 3) : 0,
            temper: rng.uniform(0.05, 0.6),
            identities,
            seen: {},
            channels: new Set(),
            contacts: 0,
            lastContact: now,
        };
        this.all.push(customer);
        return customer;
    }
    /** A returning customer: recent ones are likelier (people follow up on open issues). */
    pickReturning() {
        const n = this.all.length;
        if (n === 0)
            return undefined;
        // Biased toward the most recent half, but anyone can come back.
        const recent = this.rng.chance(0.7);
        const lo = recent ? Math.floor(n / 2) : 0;
        return this.all[this.rng.int(lo, n - 1)];
    }
    /** The identities a contact on this channel shows; always at least one. */
    reveal(customer, kinds) {
        const out = {};
        for (const [kind, p] of kinds) {
            const value = customer.identities[kind];
            if (value !== undefined && this.rng.chance(p))
                out[kind] = value;
        }
        if (Object.keys(out).length === 0)
            out.phone = customer.identities.phone;
        for (const kind of IDENTITY_KINDS)
            if (out[kind] !== undefined)
                customer.seen[kind] = out[kind];
        return out;
    }
}
//# sourceMappingURL=population.js.map
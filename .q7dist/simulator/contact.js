import { ERROR_CODES, PRODUCTS, QUEUE_BY_ID, QUEUES } from './catalog.js';
import { bankFor, surveyComment } from './transcript.js';
import { MINUTE } from './calendar.js';
const TONE_RANK = { polite: 0, neutral: 1, rude: 2 };
export function newContact(ctx, id, channel, customer, identities, followsUp) {
    const rng = ctx.rng;
    const queue = customer.vip > 0 ? QUEUE_BY_ID.get('vip') : (followsUp ?? QUEUES[rng.weightedIndex(QUEUES.map((q) => q.share))]);
    const scenario = queue.id === 'vip' ? rng.pick(['repair', 'aftersales', 'presales']) : queue.id;
    const angryChance = (scenario === 'complaints' ? 0.7 : customer.temper * 0.5) + (followsUp ? 0.3 : 0);
    const bank = bankFor(customer.language);
    const phone = customer.language === 'zh' ? customer.identities.phone.replace(/^\+86/, '') : customer.identities.phone;
    return {
        id,
        channel,
        customer,
        identities,
        queue,
        queueKnown: channel !== 'voice',
        scenario,
        mood: rng.chance(angryChance) ? 'angry' : 'calm',
        slots: {
            addr: customer.address,
            model: rng.pick(PRODUCTS),
            error: rng.pick(ERROR_CODES),
            symptom: rng.pick(bank.symptoms),
            order: `LX${rng.digits(12)}`,
            sn: `PF${rng.token(6).toUpperCase()}`,
            phone,
            email: customer.identities.email,
            days: String(rng.int(2, 14)),
            price: String(rng.int(50, 160) * 100 - 1),
            queue: customer.language === 'zh' ? queue.zh : queue.en,
        },
        arrivedAt: ctx.now,
        waitedMs: 0,
        worstTone: null,
        resolved: false,
        legs: 0,
        messages: 0,
        followUp: false,
    };
}
/** The envelope of a contact's event at the current simulated time (or `ts`). */
/** The language-and-topic context for writing this contact's texts. */
export function conversationOf(ctx, c) {
    return {
        rng: ctx.rng,
        language: c.customer.language,
        scenario: c.scenario,
        mood: c.mood,
        slots: c.slots,
        piiChance: 0.2,
    };
}
export function contactEvent(ctx, c, type, payload, agent, ts = ctx.now) {
    const e = {
        tenant: ctx.tenant,
        ts: Math.round(ts),
        channel: c.channel,
        type,
        interaction_id: c.id,
        customer: c.identities,
        customer_name: c.customer.name.full,
    };
    if (c.queueKnown)
        e.queue = c.queue.id;
    if (c.customer.vip > 0)
        e.vip = c.customer.vip;
    if (agent) {
        e.agent_id = agent.profile.id;
        e.team = agent.profile.team;
        e.site = agent.profile.site;
    }
    if (payload)
        e.payload = payload;
    return e;
}
/** Decides, when an agent takes over, whether this agent will solve the issue. */
export function meetAgent(ctx, c, agent) {
    const p = agent.profile;
    if (c.legs++ === 0)
        c.answeredAt = ctx.now;
    if (!c.worstTone || TONE_RANK[p.politeness] > TONE_RANK[c.worstTone])
        c.worstTone = p.politeness;
    const toneFactor = p.politeness === 'rude' ? 0.55 : p.politeness === 'neutral' ? 0.9 : 1;
    c.resolved = ctx.rng.chance(Math.min(0.98, c.queue.baseResolution * p.competence * toneFactor));
    return c.resolved;
}
/** Satisfaction 0…1 from what the customer lived through. */
export function satisfaction(ctx, c) {
    const tone = c.worstTone === 'rude' ? -0.35 : c.worstTone === 'polite' ? 0.1 : 0;
    const s = 0.55 +
        (c.resolved ? 0.25 : -0.25) -
        Math.min(0.3, c.waitedMs / 900_000) +
        tone -
        (c.mood === 'angry' ? 0.1 : 0) +
        ctx.rng.normal() * 0.08;
    return Math.max(0, Math.min(1, s));
}
/** Maybe sends NPS and/or CSAT after a finished contact, `delayMs` later. */
export function maybeSurvey(ctx, c, agent, chance, delayMs) {
    const rng = ctx.rng;
    if (!rng.chance(chance))
        return;
    const s = satisfaction(ctx, c);
    const at = ctx.now + delayMs;
    const kind = rng.next(); // < 0.6 both, < 0.8 NPS only, else CSAT only
    const comment = rng.chance(0.3) ? surveyComment(rng, c.customer.language, s >= 0.6) : undefined;
    if (kind < 0.8) {
        const payload = { score: Math.round(s * 10) };
        if (comment)
            payload.comment = comment;
        ctx.emit(contactEvent(ctx, c, 'survey.nps', payload, agent, at));
    }
    if (kind < 0.6 || kind >= 0.8)
        ctx.emit(contactEvent(ctx, c, 'survey.csat', { score: 1 + Math.round(s * 4) }, agent, at + 2_000));
    if (!comment && rng.chance(0.08))
        ctx.emit(contactEvent(ctx, c, 'survey.comment', { text: surveyComment(rng, c.customer.language, s >= 0.6) }, agent, at + 5_000));
}
/** Wrap-up time after a contact, ms. */
export function wrapMs(ctx, agent, voice) {
    return ctx.rng.lognormalIn(voice ? 35_000 : 15_000, 0.5, 5_000, 5 * MINUTE) * agent.profile.speed;
}
//# sourceMappingURL=contact.js.map
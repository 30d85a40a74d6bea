import { ZH, EN } from './phrases.js';
export function bankFor(language) {
    return language === 'zh' ? ZH : EN;
}
export function fill(template, slots) {
    return template.replace(/\{(\w+)\}/g, (m, key) => slots[key] ?? m);
}
class Writer {
    c;
    turns = [];
    bank;
    constructor(c) {
        this.c = c;
        this.bank = bankFor(c.language);
    }
    say(role, bank, gapMs) {
        this.turns.push({ role, text: fill(this.c.rng.pick(bank), this.c.slots), gapMs: Math.round(gapMs) });
    }
    customerGap() {
        return this.c.rng.lognormalIn(22_000, 0.6, 3_000, 240_000);
    }
    agentGap(agent) {
        // Rude agents are not faster: they make people wait and then answer curtly.
        return this.c.rng.lognormalIn(14_000, 0.55, 2_000, 180_000) * agent.speed * (agent.politeness === 'rude' ? 1.4 : 1);
    }
}
/** The customer's first message when no bot answers: the issue itself. */
export function openingLine(c) {
    return fill(c.rng.pick(bankFor(c.language).issue[c.scenario][c.mood]), c.slots);
}
/** Bot greets, customer describes the issue, bot suggests; then either the customer is done or asks for a human. */
export function botPhase(c, contained) {
    const w = new Writer(c);
    const b = w.bank;
    w.say('bot', b.botGreeting, 800);
    w.say('customer', b.issue[c.scenario][c.mood], w.customerGap());
    w.say('bot', b.botSuggest[c.scenario], 1_200);
    if (contained)
        w.say('customer', b.botContained, w.customerGap());
    else {
        w.say('customer', b.askHuman[c.mood], w.customerGap());
        w.say('bot', b.botHandoff, 1_000);
    }
    return w.turns;
}
/** The part of a chat one agent handles, from greeting to closing (or hand-over). */
export function agentLeg(c, plan) {
    const w = new Writer(c);
    const b = w.bank;
    const { agent } = plan;
    const tone = agent.politeness;
    const rng = c.rng;
    w.say('agent', b.agentGreeting[tone], w.agentGap(agent));
    if (!plan.issueKnown || rng.chance(0.5))
        w.say('customer', b.issue[c.scenario][c.mood], w.customerGap());
    w.say('agent', b.agentProbe[tone], w.agentGap(agent));
    w.say('customer', b.details, w.customerGap());
    if (rng.chance(c.piiChance)) {
        w.say('customer', b.pii, w.customerGap());
        if (tone !== 'rude' && rng.chance(0.5))
            w.say('agent', b.agentConfirmPii, w.agentGap(agent));
    }
    if (plan.transferTo) {
        const slots = { ...c.slots, queue: plan.transferTo };
        w.turns.push({
            role: 'agent',
            text: fill(rng.pick(b.agentTransfer[tone]), slots),
            gapMs: Math.round(w.agentGap(agent)),
        });
        return w.turns;
    }
    w.say('agent', b.agentHold[tone], w.agentGap(agent));
    w.say('agent', b.agentBack[tone], rng.lognormalIn(45_000, 0.5, 10_000, 300_000) * agent.speed);
    const blames = tone === 'rude' && rng.chance(0.75);
    if (blames)
        w.say('agent', b.blame, 3_000);
    if (plan.resolved)
        w.say('agent', b.solution[c.scenario], w.agentGap(agent));
    const rounds = rng.int(0, 2);
    for (let i = 0; i < rounds; i++) {
        w.say('customer', b.followUp[c.mood], w.customerGap());
        if (tone === 'rude' && rng.chance(0.4))
            w.say('agent', b.blame, w.agentGap(agent));
        else
            w.say('agent', b.agentFollowUpAnswer[tone], w.agentGap(agent));
    }
    const unhappy = !plan.resolved || blames;
    if (unhappy)
        w.say('customer', b.unhappy[c.mood], w.customerGap());
    else
        w.say('customer', b.thanks, w.customerGap());
    w.say('agent', b.agentClosing[tone], w.agentGap(agent));
    if (rng.chance(0.7))
        w.say('customer', b.bye[unhappy ? 'angry' : 'calm'], w.customerGap());
    return w.turns;
}
/** Texts for a ticket's life: subject, first message, replies, notes, resolution. */
export function ticketTexts(c, agent) {
    const b = bankFor(c.language);
    const rng = c.rng;
    const pick = (bank) => fill(rng.pick(bank), c.slots);
    const opening = [pick(b.issue[c.scenario][c.mood]), pick(b.details)];
    if (rng.chance(c.piiChance))
        opening.push(pick(b.pii));
    const replyParts = [pick(b.agentGreeting[agent.politeness]), pick(b.agentProbe[agent.politeness])];
    if (agent.politeness === 'rude' && rng.chance(0.6))
        replyParts.push(pick(b.blame));
    return {
        subject: pick(b.ticketSubject[c.scenario]),
        body: opening.join(c.language === 'zh' ? '。' : ' '),
        reply: replyParts.join(c.language === 'zh' ? '' : ' '),
        followUp: pick(b.details),
        solution: [pick(b.solution[c.scenario]), pick(b.agentClosing[agent.politeness])].join(c.language === 'zh' ? '' : ' '),
        note: pick(b.internalNote),
        resolution: pick(b.resolution),
        reopenReason: pick(b.reopenReason),
    };
}
export function surveyComment(rng, language, good) {
    const b = bankFor(language);
    return rng.pick(good ? b.surveyGood : b.surveyBad);
}
//# sourceMappingURL=transcript.js.map
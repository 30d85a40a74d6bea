import { TICKET_TEAMS } from './catalog.js';
import { contactEvent, conversationOf, maybeSurvey, meetAgent } from './contact.js';
import { ticketTexts } from './transcript.js';
import { HOUR, MINUTE } from './calendar.js';
export class TicketFlow {
    ctx;
    floor;
    /** Tickets created and not yet resolved for the last time. */
    open = 0;
    constructor(ctx, floor) {
        this.ctx = ctx;
        this.floor = floor;
    }
    start(c) {
        const { ctx } = this;
        const rng = ctx.rng;
        const agent = this.owner(c);
        const p = agent.profile;
        const texts = ticketTexts(conversationOf(ctx, c), { politeness: p.politeness, speed: p.speed });
        const priority = c.queue.id === 'vip'
            ? 'urgent'
            : c.queue.id === 'complaints' || c.mood === 'angry'
                ? 'high'
                : rng.chance(0.2)
                    ? 'low'
                    : 'normal';
        let t = ctx.now;
        const ev = (type, payload, by) => ctx.emit(contactEvent(ctx, c, type, payload, by, t));
        let current = 'new';
        const status = (to) => {
            ev('ticket.status_changed', { from: current, to }, agent);
            current = to;
        };
        ev('ticket.created', { subject: texts.subject, priority, category: c.scenario });
        t += 1_000;
        ev('ticket.comment', { role: 'customer', text: texts.body, public: true });
        t += rng.lognormalIn(20 * MINUTE, 0.9, MINUTE, 8 * HOUR);
        ev('ticket.assigned', { team: TICKET_TEAMS[c.queue.id] }, agent);
        status('open');
        const resolved = meetAgent(ctx, c, agent);
        t += rng.lognormalIn(30 * MINUTE, 0.8, 2 * MINUTE, 12 * HOUR);
        ev('ticket.comment', { role: 'agent', text: texts.reply, public: true }, agent);
        if (rng.chance(0.4))
            ev('ticket.comment', { role: 'agent', text: texts.note, public: false }, agent);
        status('pending');
        if (rng.chance(0.6)) {
            t += rng.lognormalIn(2 * HOUR, 0.8, 5 * MINUTE, 24 * HOUR);
            ev('ticket.comment', { role: 'customer', text: texts.followUp, public: true });
            status('open');
        }
        t += rng.lognormalIn(3 * HOUR, 0.8, 10 * MINUTE, 48 * HOUR);
        ev('ticket.comment', { role: 'agent', text: texts.solution, public: true }, agent);
        ev('ticket.resolved', { resolution: texts.resolution }, agent);
        status('solved');
        if (!resolved && rng.chance(0.35)) {
            t += rng.lognormalIn(12 * HOUR, 0.7, HOUR, 72 * HOUR);
            ev('ticket.reopened', { reason: texts.reopenReason });
            status('open');
            c.resolved = rng.chance(0.7);
            t += rng.lognormalIn(4 * HOUR, 0.8, 10 * MINUTE, 48 * HOUR);
            ev('ticket.comment', { role: 'agent', text: texts.solution, public: true }, agent);
            ev('ticket.resolved', { resolution: texts.resolution }, agent);
            status('solved');
        }
        this.open++;
        ctx.at(t, () => {
            this.open--;
            maybeSurvey(ctx, c, agent, 0.4, rng.uniform(10 * MINUTE, 2 * HOUR));
        });
    }
    /** A back-office agent with the queue's skill (anyone, when nobody has it). */
    owner(c) {
        const skilled = this.floor.agents.filter((a) => a.profile.skills.includes(c.queue.skill));
        return this.ctx.rng.pick(skilled.length ? skilled : this.floor.agents);
    }
}
//# sourceMappingURL=ticket.js.map
import { CHAT_ENTRIES, QUEUES } from './catalog.js';
import { contactEvent, conversationOf, maybeSurvey, meetAgent, wrapMs } from './contact.js';
import { agentLeg, botPhase, openingLine } from './transcript.js';
import { MINUTE } from './calendar.js';
/** Channels whose accounts front every chat with a bot; others reach it less often. */
const BOT_FIRST = new Set(['wechat', 'app', 'webchat']);
export class ChatFlow {
    ctx;
    floor;
    hooks;
    constructor(ctx, floor, hooks) {
        this.ctx = ctx;
        this.floor = floor;
        this.hooks = hooks;
    }
    start(c) {
        const { ctx } = this;
        const rng = ctx.rng;
        const entries = CHAT_ENTRIES[c.channel];
        ctx.emit(contactEvent(ctx, c, 'chat.started', entries ? { entry: rng.pick(entries) } : {}));
        if (!rng.chance(BOT_FIRST.has(c.channel) ? 0.9 : 0.5)) {
            const end = this.say(c, [{ role: 'customer', text: openingLine(conversationOf(ctx, c)), gapMs: rng.uniform(3_000, 30_000) }], ctx.now);
            ctx.at(end + 1_000, () => this.queue(c, c.queue, false, false));
            return;
        }
        const contained = c.mood === 'calm' && rng.chance(0.22);
        const end = this.say(c, botPhase(conversationOf(ctx, c), contained), ctx.now);
        if (contained) {
            ctx.at(end + rng.uniform(5_000, 60_000), () => {
                ctx.emit(contactEvent(ctx, c, 'chat.ended', { ended_by: 'customer' }));
                c.resolved = true;
                this.hooks.done(c);
            });
            return;
        }
        ctx.at(end + 500, () => this.queue(c, c.queue, true, true));
    }
    /** Emits turns as chat.message events from `t0`; returns the time of the last one. */
    say(c, turns, t0, agent) {
        let t = t0;
        for (const turn of turns) {
            t += turn.gapMs;
            const payload = { role: turn.role, text: turn.text, message_id: `${c.id}-m${++c.messages}` };
            this.ctx.emit(contactEvent(this.ctx, c, 'chat.message', payload, agent, t));
        }
        return t;
    }
    queue(c, queue, fromBot, issueKnown) {
        const { ctx } = this;
        c.queue = queue;
        c.slots.queue = c.customer.language === 'zh' ? queue.zh : queue.en;
        ctx.emit(contactEvent(ctx, c, 'chat.transferred_to_agent', { from_bot: fromBot }));
        const since = ctx.now;
        const waiting = {
            id: c.id,
            queue: queue.id,
            media: 'digital',
            language: c.customer.language,
            needs: c.customer.language === 'en' ? [queue.skill, 'english'] : [queue.skill],
            waitingSince: since,
            priority: queue.id === 'vip' ? 10 : 0,
            state: 'waiting',
            onAssigned: (agent) => {
                c.waitedMs += ctx.now - since;
                this.leg(c, agent, issueKnown);
            },
        };
        this.floor.enqueue(waiting);
        if (waiting.state === 'waiting') {
            ctx.at(ctx.now + ctx.rng.lognormalIn(5 * MINUTE, 0.8, 20_000, 45 * MINUTE), () => this.giveUp(c, waiting));
        }
    }
    giveUp(c, waiting) {
        if (waiting.state !== 'waiting')
            return;
        const { ctx } = this;
        this.floor.withdraw(waiting);
        c.waitedMs += ctx.now - waiting.waitingSince;
        ctx.emit(contactEvent(ctx, c, 'chat.ended', { ended_by: ctx.rng.chance(0.7) ? 'customer' : 'system' }));
        c.followUp = true;
        this.hooks.done(c);
    }
    leg(c, agent, issueKnown) {
        const { ctx } = this;
        const rng = ctx.rng;
        const resolved = meetAgent(ctx, c, agent);
        const transfer = c.legs === 1 && rng.chance(0.05)
            ? rng.pick(QUEUES.filter((q) => q.id !== c.queue.id && q.id !== 'vip'))
            : undefined;
        const p = agent.profile;
        const turns = agentLeg(conversationOf(ctx, c), {
            agent: { politeness: p.politeness, speed: p.speed },
            issueKnown,
            resolved,
            transferTo: transfer && (c.customer.language === 'zh' ? transfer.zh : transfer.en),
        });
        c.slots.agent = p.nickname;
        const end = this.say(c, turns, ctx.now, agent);
        this.maybeIdentify(c, agent, (ctx.now + end) / 2);
        if (transfer) {
            ctx.at(end + 1_000, () => {
                this.floor.release(agent, c.id, c.channel, wrapMs(ctx, agent, false));
                this.queue(c, transfer, false, true);
            });
            return;
        }
        ctx.at(end + rng.uniform(5_000, 60_000), () => {
            const r = rng.next();
            ctx.emit(contactEvent(ctx, c, 'chat.ended', { ended_by: r < 0.5 ? 'customer' : r < 0.9 ? 'agent' : 'system' }, agent));
            this.floor.release(agent, c.id, c.channel, wrapMs(ctx, agent, false));
            maybeSurvey(ctx, c, agent, 0.35, rng.uniform(5_000, 2 * MINUTE));
            c.followUp = !c.resolved;
            this.hooks.done(c);
        });
    }
    /** The agent asks for a phone number to find the order, which links this chat account to it. */
    maybeIdentify(c, agent, at) {
        const { ctx } = this;
        if (c.identities.phone !== undefined || !ctx.rng.chance(0.35))
            return;
        const own = Object.entries(c.identities)[0];
        if (!own)
            return;
        const phone = c.customer.identities.phone;
        c.customer.seen.phone = phone;
        ctx.emit({
            tenant: ctx.tenant,
            ts: Math.round(at),
            channel: c.channel,
            type: 'identity.identify',
            interaction_id: c.id,
            customer: { [own[0]]: own[1], phone },
            customer_name: c.customer.name.full,
            agent_id: agent.profile.id,
        });
    }
}
//# sourceMappingURL=chat.js.map
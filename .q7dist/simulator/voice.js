import { HOTLINE, QUEUES } from './catalog.js';
import { contactEvent, conversationOf, maybeSurvey, meetAgent, wrapMs } from './contact.js';
import { MINUTE } from './calendar.js';
import { Random } from '../kits/sim/index.js';
import { agentLeg } from './transcript.js';
/** The stereo channel the simulated PBX records the agent on (left). */
const AGENT_CHANNEL = 0;
export class VoiceFlow {
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
        ctx.emit(contactEvent(ctx, c, 'voice.offered', { from: c.identities.phone ?? c.customer.identities.phone, to: HOTLINE }));
        if (c.queue.id === 'vip') {
            ctx.emit(contactEvent(ctx, c, 'voice.ivr', { node: 'vip_greeting' }, undefined, ctx.now + 400));
            ctx.at(ctx.now + rng.uniform(3_000, 8_000), () => this.queue(c, c.queue));
            return;
        }
        ctx.emit(contactEvent(ctx, c, 'voice.ivr', { node: 'welcome' }, undefined, ctx.now + 400));
        const menuAt = ctx.now + rng.uniform(6_000, 20_000);
        const fate = rng.next();
        if (fate < 0.03) {
            ctx.at(menuAt - 2_000, () => {
                ctx.emit(contactEvent(ctx, c, 'voice.abandoned', { stage: 'ivr' }));
                this.hooks.done(c);
            });
            return;
        }
        if (fate < 0.07) {
            // Served by the IVR itself (order status, opening hours): the call never reaches a queue.
            ctx.emit(contactEvent(ctx, c, 'voice.ivr', { node: 'main_menu', choice: '9' }, undefined, menuAt));
            ctx.emit(contactEvent(ctx, c, 'voice.ivr', { node: 'self_service_order_status' }, undefined, menuAt + 500));
            ctx.at(menuAt + rng.uniform(20_000, 90_000), () => {
                ctx.emit(contactEvent(ctx, c, 'voice.ended', { ended_by: 'customer' }));
                this.hooks.done(c);
            });
            return;
        }
        ctx.emit(contactEvent(ctx, c, 'voice.ivr', { node: 'main_menu', choice: c.queue.ivrChoice }, undefined, menuAt));
        ctx.at(menuAt + rng.uniform(1_000, 4_000), () => this.queue(c, c.queue));
    }
    queue(c, queue) {
        const { ctx } = this;
        c.queue = queue;
        c.queueKnown = true;
        ctx.emit(contactEvent(ctx, c, 'voice.queued', {
            priority: queue.id === 'vip' ? 10 : c.mood === 'angry' && queue.id === 'complaints' ? 5 : 0,
        }));
        const since = ctx.now;
        const waiting = {
            id: c.id,
            queue: queue.id,
            media: 'voice',
            language: c.customer.language,
            needs: c.customer.language === 'en' ? [queue.skill, 'english'] : [queue.skill],
            waitingSince: since,
            priority: queue.id === 'vip' ? 10 : 0,
            state: 'waiting',
            onAssigned: (agent) => {
                c.waitedMs += ctx.now - since;
                this.ring(c, agent);
            },
        };
        const patience = ctx.rng.lognormalIn(queue.id === 'vip' ? 180_000 : 80_000, 0.8, 5_000, 30 * MINUTE);
        this.floor.enqueue(waiting);
        if (waiting.state === 'waiting')
            ctx.at(ctx.now + patience, () => this.giveUp(c, waiting));
    }
    giveUp(c, waiting) {
        if (waiting.state !== 'waiting')
            return;
        const { ctx } = this;
        this.floor.withdraw(waiting);
        c.waitedMs += ctx.now - waiting.waitingSince;
        if (ctx.now - waiting.waitingSince > 45_000 && ctx.rng.chance(0.3)) {
            ctx.emit(contactEvent(ctx, c, 'voice.callback_requested', { number: c.customer.identities.phone }));
            ctx.emit(contactEvent(ctx, c, 'voice.ended', { ended_by: 'customer' }, undefined, ctx.now + 3_000));
        }
        else
            ctx.emit(contactEvent(ctx, c, 'voice.abandoned', { stage: 'queue' }));
        c.followUp = true;
        this.hooks.done(c);
    }
    ring(c, agent) {
        const { ctx } = this;
        const rng = ctx.rng;
        const answerAt = ctx.now + rng.uniform(2_000, 10_000);
        if (rng.chance(0.015)) {
            ctx.at(answerAt - 1_000, () => {
                ctx.emit(contactEvent(ctx, c, 'voice.abandoned', { stage: 'ringing' }));
                this.floor.unreserve(agent);
                c.followUp = true;
                this.hooks.done(c);
            });
            return;
        }
        ctx.at(answerAt, () => this.talk(c, agent));
    }
    talk(c, agent) {
        const { ctx } = this;
        const rng = ctx.rng;
        const answeredAt = ctx.now;
        ctx.emit(contactEvent(ctx, c, 'voice.answered', undefined, agent));
        meetAgent(ctx, c, agent);
        const firstLeg = c.legs === 1;
        if (firstLeg && c.identities.crm_id === undefined && rng.chance(0.1)) {
            // The agent verified the caller against the CRM: link the number to the CRM record.
            const ids = { phone: c.customer.identities.phone, crm_id: c.customer.identities.crm_id };
            c.customer.seen.crm_id = ids.crm_id;
            ctx.emit({
                tenant: ctx.tenant,
                ts: ctx.now + 20_000,
                channel: 'voice',
                type: 'identity.identify',
                interaction_id: c.id,
                customer: ids,
                customer_name: c.customer.name.full,
                agent_id: agent.profile.id,
            });
        }
        const talkMs = rng.lognormalIn(c.queue.talkMedianS * 1000 * agent.profile.speed, 0.55, 30_000, 60 * MINUTE);
        if (rng.chance(0.25)) {
            const holdAt = answeredAt + talkMs * rng.uniform(0.3, 0.6);
            const holdMs = Math.min(talkMs * 0.3, rng.lognormalIn(40_000, 0.6, 5_000, 5 * MINUTE));
            ctx.emit(contactEvent(ctx, c, 'voice.hold', undefined, agent, holdAt));
            ctx.emit(contactEvent(ctx, c, 'voice.unhold', undefined, agent, holdAt + holdMs));
        }
        if (firstLeg && rng.chance(0.07)) {
            const target = rng.pick(QUEUES.filter((q) => q.id !== c.queue.id && q.id !== 'vip'));
            ctx.at(answeredAt + talkMs, () => {
                ctx.emit(contactEvent(ctx, c, 'voice.transfer', { kind: rng.chance(0.6) ? 'blind' : 'warm', to_queue: target.id }, agent));
                this.floor.release(agent, c.id, 'voice', wrapMs(ctx, agent, true));
                ctx.at(ctx.now + 1_500, () => this.queue(c, target));
            });
            return;
        }
        ctx.at(answeredAt + talkMs, () => this.end(c, agent));
    }
    end(c, agent) {
        const { ctx } = this;
        const rng = ctx.rng;
        ctx.emit(contactEvent(ctx, c, 'voice.ended', { ended_by: rng.chance(0.65) ? 'customer' : 'agent' }, agent));
        const answeredAt = c.answeredAt ?? ctx.now;
        // Rendered when a recorder takes it; otherwise the placeholder URL (no file: transcription reports it missing).
        const recorded = ctx.recorder?.record(this.script(c, agent));
        ctx.emit(contactEvent(ctx, c, 'voice.recording_available', {
            url: recorded ?? `file:///recordings/${c.id}.wav`,
            format: 'wav',
            channels: 2,
            agent_channel: AGENT_CHANNEL,
            duration_ms: Math.round(ctx.now - answeredAt),
            language: c.customer.language,
        }, agent, ctx.now + rng.uniform(2_000, 15_000)));
        this.floor.release(agent, c.id, 'voice', wrapMs(ctx, agent, true));
        maybeSurvey(ctx, c, agent, 0.3, rng.uniform(60_000, 10 * MINUTE));
        c.followUp = !c.resolved;
        this.hooks.done(c);
    }
    /**
     * What the last agent and the customer said, for the recording. Drawn from the call's own generator (seeded by its
     * id), not the simulation's: recording a call must not change the events of a seeded run.
     */
    script(c, agent) {
        const rng = new Random(seedOf(c.id));
        const p = agent.profile;
        const turns = agentLeg({ ...conversationOf(this.ctx, c), rng, slots: { ...c.slots, agent: p.nickname } }, { agent: { politeness: p.politeness, speed: p.speed }, issueKnown: false, resolved: c.resolved });
        return { id: c.id, language: c.customer.language, agentChannel: AGENT_CHANNEL, turns, endedAt: this.ctx.now };
    }
}
/** A 32-bit FNV-1a hash of the id: a stable seed per call. */
function seedOf(id) {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++)
        h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
    return h;
}
//# sourceMappingURL=voice.js.map
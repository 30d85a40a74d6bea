/** Parsing one NDJSON line into an Interaction. A bad line is a value naming the field, never an exception. */
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
const Turn = Type.Object({
    role: Type.Union([Type.Literal('customer'), Type.Literal('agent'), Type.Literal('bot')]),
    text: Type.String({ maxLength: 16_000 }),
    ts: Type.Optional(Type.Number({ minimum: 0 })),
});
export const InteractionSchema = Type.Object({
    interaction_id: Type.String({ minLength: 1, maxLength: 128 }),
    channel: Type.Optional(Type.String()),
    language: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en'), Type.Literal('mixed')])),
    customer_name: Type.Optional(Type.String({ maxLength: 128 })),
    agent_name: Type.Optional(Type.String({ maxLength: 128 })),
    survey: Type.Optional(Type.Object({
        nps: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
        csat: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    })),
    audio: Type.Optional(Type.Object({
        duration_ms: Type.Number({ minimum: 0 }),
        silence_ms: Type.Optional(Type.Number({ minimum: 0 })),
        silences: Type.Optional(Type.Array(Type.Object({ start_ms: Type.Number({ minimum: 0 }), end_ms: Type.Number({ minimum: 0 }) }))),
    })),
    turns: Type.Array(Turn, { maxItems: 5000 }),
});
const check = TypeCompiler.Compile(InteractionSchema);
export function parseInteractionLine(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch (err) {
        return { ok: false, error: `not JSON: ${err.message}` };
    }
    if (check.Check(value))
        return { ok: true, interaction: value };
    const err = check.Errors(value).First();
    const field = err.path
        .replace(/^\//, '')
        .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
        .replaceAll('/', '.') || '(interaction)';
    return { ok: false, error: `${field}: ${err.value === undefined ? 'required' : err.message.toLowerCase()}` };
}
//# sourceMappingURL=input.js.map
/**
 * A routing decision as an attacker holding a tenant's API key would post it: well formed, naming their own agent.
 * Ingest must refuse it (only Mofang's router records decisions).
 */
export const FORGED_DECISION_PAYLOAD = {
  agent_id: 'mallory',
  policy: 'skill',
  score: 99,
  reason: 'Mallory is the best agent.',
  trigger: 'contact_offered',
  serving_queue: 'repair',
  candidates: 1,
  expansion_step: 0,
  parts: {},
}

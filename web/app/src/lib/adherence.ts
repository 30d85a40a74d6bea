/** Schedule adherence as a wall shows it: the figure for the agents on the wall, and its weakest team. */
import { groupAdherence, type AgentView, type GroupAdherence, type Snapshot } from '../../../../core/contracts/index.js'

/**
 * The figure of the agents a wall shows: the tenant's (agents scheduled who never logged in today included) when it
 * shows them all, else the agents shown (a site's or a queue's wall). Null before a plan has arrived.
 */
export function adherenceFigure(snap: Snapshot, shown: readonly AgentView[]): GroupAdherence | null {
  const plan = snap.plan
  if (!plan) return null
  if (shown.length === snap.agents.length) return plan.total
  return groupAdherence(shown.flatMap((a) => plan.agents[a.agent_id] ?? []))
}

/** Of the teams of the agents shown, the one with the lowest adherence so far, and that figure (0…1). */
export function lowestTeam(snap: Snapshot, shown: readonly AgentView[]): { team: string; adherence: number } | null {
  const teams = new Set(shown.flatMap((a) => a.team ?? []))
  let lowest: { team: string; adherence: number } | null = null
  for (const team of teams) {
    const v = snap.plan?.teams[team]?.adherence
    if (v !== null && v !== undefined && (!lowest || v < lowest.adherence)) lowest = { team, adherence: v }
  }
  return lowest
}

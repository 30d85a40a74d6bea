/**
 * The agent board's order: agents grouped by state or team, sorted within a group, and marked when they have been
 * in one state longer than the wall allows (long calls, long breaks). Pure; AgentBoard.svelte draws it.
 */
import type { AgentBoardSettings, AgentStateName, AgentView } from '../../../../core/contracts/index.js'

/** The floor's order of states: busy first, then those who could take a contact, then those who cannot. */
export const STATE_ORDER: AgentStateName[] = ['on_contact', 'wrap_up', 'ready', 'not_ready', 'offline']

export interface BoardGroup {
  /** The state or the team ('' = agents with no team). */
  key: string
  agents: AgentView[]
}

/** Seconds in the current state at `now`. */
export const secondsInState = (a: AgentView, now: number): number => Math.max(0, (now - a.since) / 1000)

/** In this state longer than the wall's limit for it. */
export function isLong(a: AgentView, board: AgentBoardSettings, now: number): boolean {
  const limit = board.long_in_state_s[a.state]
  return limit !== undefined && secondsInState(a, now) >= limit
}

/** Longer Latin names are shortened to the first name and the initial of the last (Christopher M.). */
const LONG_NAME = 12

/** The name the board shows: the agent's name (long Latin ones shortened), else its id. */
export function displayName(a: AgentView): string {
  const name = a.name ?? a.agent_id
  const parts = name.split(' ')
  return name.length > LONG_NAME && parts.length > 1 ? `${parts[0]} ${parts.at(-1)![0]}.` : name
}

/** Agents logged in, grouped and sorted as the wall says; groups in state order, or teams by name. */
export function boardGroups(agents: readonly AgentView[], board: AgentBoardSettings): BoardGroup[] {
  const byState = (a: AgentView, b: AgentView) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)
  const byTeam = (a: AgentView, b: AgentView) => (a.team ?? '').localeCompare(b.team ?? '')
  const byName = (a: AgentView, b: AgentView) =>
    displayName(a).localeCompare(displayName(b)) || a.agent_id.localeCompare(b.agent_id)
  // Longest in state first; by when the state began, so the order does not move with the clock.
  const byTime = (a: AgentView, b: AgentView) => a.since - b.since
  const sort = {
    state: [byState, byTeam, byName],
    team: [byTeam, byState, byName],
    name: [byName],
    time_in_state: [byTime, byName],
  }[board.sort]
  const compare = (a: AgentView, b: AgentView) => sort.reduce((r, f) => r || f(a, b), 0)
  const groups = new Map<string, AgentView[]>()
  for (const a of agents) {
    if (a.state === 'offline') continue
    const key = board.group_by === 'state' ? a.state : (a.team ?? '')
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  const keys = [...groups.keys()].sort((a, b) =>
    board.group_by === 'state'
      ? STATE_ORDER.indexOf(a as AgentStateName) - STATE_ORDER.indexOf(b as AgentStateName)
      : a.localeCompare(b),
  )
  return keys.map((key) => ({ key, agents: groups.get(key)!.sort(compare) }))
}

/** Columns and cell size that fit `n` cells of about `aspect`:1 into a box of w × h (the largest cells that fit). */
export function cellGrid(n: number, w: number, h: number, aspect = 2.2): { cols: number; cw: number; ch: number } {
  let best = { cols: 1, cw: w, ch: h, score: 0 }
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols)
    const cw = w / cols
    const ch = Math.min(h / rows, cw / aspect)
    const score = Math.min(cw, ch * aspect)
    if (score > best.score) best = { cols, cw, ch, score }
  }
  return best
}

/** The saved walls' API (/api/walls) as the display and the designer call it. */
import type { WallDefinition, WallInput, WallListAnswer } from '../../../../core/contracts/index.js'

/** The server's one error shape (kits/http). */
export interface ApiError {
  error: string
  reason: string
  field?: string
}

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError }

async function call<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await fetch(url, init).catch(() => null)
  if (!res) return { ok: false, status: 0, error: { error: 'offline', reason: 'the server did not answer' } }
  const body = (await res.json().catch(() => ({}))) as unknown
  return res.ok ? { ok: true, value: body as T } : { ok: false, status: res.status, error: body as ApiError }
}

/** The tenant's walls; `apiUrl` adds a display's token. */
export const listWalls = async (apiUrl: (p: string) => string = (p) => p): Promise<Answer<WallDefinition[]>> => {
  const answer = await call<WallListAnswer>(apiUrl('/api/walls'))
  return answer.ok ? { ok: true, value: answer.value.walls } : answer
}

/** Saves a new wall (no revision) or a new version of the one read (its revision). */
export const saveWall = (wall: WallInput): Promise<Answer<WallDefinition>> =>
  call(`/api/walls/${encodeURIComponent(wall.id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(wall),
  })

export const deleteWall = (id: string): Promise<Answer<{ ok: true }>> =>
  call(`/api/walls/${encodeURIComponent(id)}`, { method: 'DELETE' })

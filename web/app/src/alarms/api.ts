/** The alarm calls of the app: who is looking (may they acknowledge?) and acknowledging. */
import type { Alarm } from '../../../../core/contracts/index.js'

export interface Viewer {
  kind: 'display' | 'user'
  roles: string[]
}

/** Who the page is signed in as; null when nobody is (or the server did not answer). */
export async function viewer(apiUrl: (path: string) => string): Promise<Viewer | null> {
  const res = await fetch(apiUrl('/api/me')).catch(() => null)
  return res?.ok ? ((await res.json()) as Viewer) : null
}

export const maySupervise = (v: Viewer | null): boolean => v?.kind === 'user' && v.roles.includes('supervisor')

/** Acknowledges an alarm as the signed-in supervisor; the alarm as it is then. */
export async function acknowledge(key: string): Promise<Alarm> {
  const res = await fetch(`/api/alarms/${encodeURIComponent(key)}/ack`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  })
  if (!res.ok)
    throw new Error(((await res.json().catch(() => null)) as { reason?: string } | null)?.reason ?? res.statusText)
  return (await res.json()) as Alarm
}

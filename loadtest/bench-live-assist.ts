/**
 * `npm run bench:live` (assist part): knowledge suggestions per second and their latency with 10,000 articles, and the
 * latency of the draft check (`POST /v1/assist/check`'s work).
 *
 * The knowledge base is the shipped seed (assist/seed) plus generated articles up to `--articles`: each mixes the
 * sentences of a few seed articles (Chinese or English), with the simulator's products and, for most, an error code
 * (a third of those one the simulator's customers name, the rest from 2,000 other codes), so the search meets the
 * posting lists of a real knowledge base rather than 10,000 copies. The queries are customer messages as the
 * simulator writes them (a model, a symptom, often an error code); each suggestion is what
 * `GET /api/assist/suggestions` computes: facts in the text (kits/facts), jieba terms, BM25 and the exact matches.
 * In-process, one thread: the HTTP layer adds its own ~1 ms.
 */
import { parseArgs } from 'node:util'
import type { KbArticle } from '../core/contracts/index.js'
import { Random } from '../kits/sim/index.js'
import { wordBoundaries } from '../kits/words/index.js'
import { checkDraft, draftChecker, KnowledgeIndex, seedArticles } from '../assist/index.js'
import { liveWordMatcher } from '../conversations/index.js'
import { helpOnRequest, percentile } from './bench-util.js'

helpOnRequest(`Usage: npm run bench:live-assist -- [--articles 10000] [--queries 5000] [--drafts 20000]

Agent assist: suggestions/s and p50/p99 per suggestion over a knowledge base of --articles, and the draft check's p99.`)

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '5000' },
    drafts: { type: 'string', default: '20000' },
  },
})
const ARTICLES = Number(values.articles)
const QUERIES = Number(values.queries)
const DRAFTS = Number(values.drafts)
const TENANT = 'bench'

const PRODUCTS = [
  'ThinkPad X1 Carbon',
  'ThinkPad T14s',
  'ThinkPad E14',
  '拯救者 Y9000P',
  '拯救者 R9000P',
  '小新 Pro 14',
]
const SIM_CODES = ['0x0000007B', '0x000000EF', '0xC000021A', '0x00000124', 'INACCESSIBLE_BOOT_DEVICE', 'Error 0271']
const SYMPTOMS_ZH = ['蓝屏', '开机黑屏', '开机没反应', '电池充不进电', '屏幕一直闪', '风扇声音特别大', 'WiFi 老是断']
const SYMPTOMS_EN = ['a blue screen', 'a black screen', 'no power', 'a battery that does not charge', 'a loud fan']

const rng = new Random(17)
const seed = seedArticles()
const otherCodes = Array.from({ length: 2_000 }, (_, i) =>
  i % 2
    ? `0x${rng
        .token(8)
        .toUpperCase()
        .replace(/[^0-9A-F]/g, 'A')}`
    : `E-${rng.digits(4)}`,
)

function generated(i: number): KbArticle {
  const base = rng.pick(seed)
  const zh = base.id.startsWith('zh')
  const sameLanguage = seed.filter((a) => a.id.startsWith(zh ? 'zh' : 'en'))
  const sentences = [base, rng.pick(sameLanguage), rng.pick(sameLanguage)].flatMap((a) =>
    a.body.split(/(?<=[。；;.])\s*/),
  )
  const body = sentences.filter(() => rng.chance(0.5)).join(zh ? '' : ' ') || base.body
  const code = rng.chance(0.7) ? [rng.chance(1 / 3) ? rng.pick(SIM_CODES) : rng.pick(otherCodes)] : []
  return {
    id: `gen-${i}`,
    title: `${base.title}${zh ? `（案例 ${i}）` : ` (case ${i})`}${code.length ? ` ${code[0]}` : ''}`,
    body,
    tags: base.tags,
    products: rng.chance(0.5) ? [rng.pick(PRODUCTS)] : [],
    error_codes: code,
    updated_at: i,
  }
}

function customerMessage(): string {
  const model = rng.pick(PRODUCTS)
  const error = rng.chance(0.6) ? rng.pick(SIM_CODES) : ''
  if (rng.chance(0.8))
    return rng.pick([
      `我的 ${model} 开机就${rng.pick(SYMPTOMS_ZH)}，屏幕上显示 ${error}`,
      `电脑昨天更新完系统以后就蓝屏了，错误代码 ${error}`,
      `又蓝屏了！${error}！这已经是第三次了！`,
      `${model} ${rng.pick(SYMPTOMS_ZH)}，需要维修，怎么处理？`,
    ])
  return rng.pick([`My ${model} shows ${rng.pick(SYMPTOMS_EN)} with error ${error}.`, `Blue screen AGAIN. ${error}.`])
}

const DRAFT_TEXTS = [
  '您好，很高兴为您服务，请问有什么可以帮您？',
  '这个我不知道，你自己去官网看吧',
  '这不是我们的问题，是您自己操作不当',
  '您好王先生，我帮您查一下订单号 LX202405170001 的物流',
  '你听不懂吗？我已经说了三遍了',
  '我们百分之百能修好，保证没问题',
  'I guarantee it will never happen again.',
  'Thanks for waiting, let me check the repair status for you.',
]

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

// Warm up jieba's dictionary (kits/words: search and the check share it) before timing.
wordBoundaries('预热')

const index = new KnowledgeIndex()
let t = process.hrtime.bigint()
for (const a of seed) index.put(TENANT, a)
for (let i = seed.length; i < ARTICLES; i++) index.put(TENANT, generated(i))
console.log(`indexed ${index.size(TENANT)} articles in ${(ms(t) / 1000).toFixed(1)} s`)

const queries = Array.from({ length: QUERIES }, customerMessage)
for (const q of queries.slice(0, 200)) index.suggest(TENANT, q)
const latencies: number[] = []
let codeFirst = 0
let withCode = 0
t = process.hrtime.bigint()
for (const q of queries) {
  const start = process.hrtime.bigint()
  const [top] = index.suggest(TENANT, q)
  latencies.push(ms(start))
  const named = SIM_CODES.find((c) => q.includes(c))
  if (named) {
    withCode++
    if (top?.article.error_codes.includes(named)) codeFirst++
  }
}
const total = ms(t)
latencies.sort((a, b) => a - b)
console.log(
  `suggestions: ${QUERIES} in ${(total / 1000).toFixed(2)} s = ${Math.round(QUERIES / (total / 1000))}/s; ` +
    `p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p99 ${percentile(latencies, 0.99).toFixed(2)} ms, ` +
    `max ${latencies[latencies.length - 1].toFixed(1)} ms (target p99 ≤ 50 ms); ` +
    `an article of the named code first for ${codeFirst}/${withCode} messages naming one`,
)

const checker = draftChecker(liveWordMatcher().lists)
const checks: number[] = []
for (let i = 0; i < DRAFTS; i++) {
  const draft = `${DRAFT_TEXTS[i % DRAFT_TEXTS.length]}${i % 7 === 0 ? ` ${i}` : ''}`
  const start = process.hrtime.bigint()
  checkDraft(draft, checker)
  checks.push(ms(start))
}
checks.sort((a, b) => a - b)
console.log(
  `check: ${DRAFTS} drafts, p50 ${percentile(checks, 0.5).toFixed(3)} ms, p99 ${percentile(checks, 0.99).toFixed(3)} ms ` +
    `(target p99 ≤ 20 ms)`,
)

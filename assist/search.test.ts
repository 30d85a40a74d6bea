import { describe, expect, it } from 'vitest'
import type { KbArticle } from '../core/contracts/index.js'
import { exactKey, KnowledgeIndex } from './search.js'
import { seedArticles } from './seed.js'

const T = 'acme'
const article = (id: string, fields: Partial<KbArticle>): KbArticle => ({
  id,
  title: '',
  body: '',
  tags: [],
  products: [],
  error_codes: [],
  updated_at: 1,
  ...fields,
})

/** The shipped seed plus distractors that share the words but not the code. */
function seeded(): KnowledgeIndex {
  const index = new KnowledgeIndex()
  for (const a of seedArticles()) index.put(T, a)
  index.put(
    T,
    article('decoy', {
      title: '蓝屏 蓝屏 蓝屏 错误代码 blue screen error code',
      body: '蓝屏 开机 错误代码 blue screen',
    }),
  )
  return index
}

const first = (index: KnowledgeIndex, text: string) => index.suggest(T, text)[0]

describe('KnowledgeIndex.suggest', () => {
  const index = seeded()

  it.each([
    ['我的 ThinkPad T14s 开机就蓝屏，屏幕上显示 0x0000007B', 'zh-err-0x0000007b'],
    ['电脑昨天更新完系统以后就蓝屏了，错误代码 0xC000021A', 'zh-err-0xc000021a'],
    ['又蓝屏了！CRITICAL_PROCESS_DIED！这已经是第三次了！', 'zh-err-0x000000ef'],
    ['开机提示 2100: Detection error on HDD0 怎么办', 'zh-err-2100'],
    ['My ThinkPad E14 shows a blue screen with error 0x00000124.', 'en-err-0x00000124'],
    ['After the latest update I get a blue screen: INACCESSIBLE_BOOT_DEVICE', 'en-err-0x0000007b'],
    ['It says Error 0271 when I switch it on', 'en-err-0271'],
  ])('ranks the article of the error code first: %s', (text, id) => {
    const hit = first(index, text)
    expect(hit.article.id).toBe(id)
    expect(hit.matched.some((m) => m.startsWith('error_code:'))).toBe(true)
  })

  it("reads OCR's O for 0 in a hex code", () => {
    expect(first(index, '截图上写着 Stop code: OxO00000EF').article.id).toBe('zh-err-0x000000ef')
  })

  it('finds a code named by a fact even when it is too short to look for in free text', () => {
    const index = new KnowledgeIndex()
    index.put(T, article('e43', { title: 'Device error', body: 'Reinstall the driver.', error_codes: ['43'] }))
    index.put(T, article('other', { title: 'Device error code list', body: 'Device error codes explained.' }))
    expect(index.suggest(T, 'device error 43').flatMap((s) => s.matched)).not.toContain('error_code:43')
    const hit = index.suggest(T, 'device error 43', { facts: [{ kind: 'error_code', value: '43' }] })[0]
    expect(hit).toMatchObject({ article: { id: 'e43' }, matched: ['error_code:43', 'words'] })
  })

  it('ranks a product match above words alone', () => {
    const hit = first(index, '拯救者 Y9000P 玩游戏的时候风扇声音特别大')
    expect(hit.matched).toContain('product:拯救者 Y9000P')
    expect(['zh-sym-fan', 'zh-prd-y9000p-perf']).toContain(hit.article.id)
  })

  it('answers Chinese and English questions by their words', () => {
    expect(first(index, '触控板没反应了怎么办').article.id).toBe('zh-sym-touchpad')
    expect(first(index, '摄像头打不开').article.id).toBe('zh-sym-camera')
    expect(first(index, 'my wifi keeps disconnecting every few minutes').article.id).toBe('en-sym-wifi')
    expect(first(index, 'how do I get a refund for my return?').article.id).toBe('en-svc-refund')
  })

  it('does not match a code inside a longer word, and answers [] for nothing in common', () => {
    const codes = index.suggest(T, 'ERROR 02711 and 0x0000007BB').flatMap((s) => s.matched)
    expect(codes.filter((m) => m.startsWith('error_code'))).toEqual([])
    expect(index.suggest(T, 'zzzz qqqq')).toEqual([])
    expect(index.suggest('nobody', '蓝屏')).toEqual([])
  })

  it('follows replacements and removals, and filters by tag', () => {
    const index = new KnowledgeIndex()
    index.put(T, article('a', { title: 'Blue screen 0x0000007B', body: 'old', error_codes: ['0x0000007B'] }))
    index.put(T, article('a', { title: 'Battery', body: 'charging', tags: ['power'] }))
    expect(index.suggest(T, '0x0000007B')).toEqual([])
    expect(index.suggest(T, 'battery', { tag: 'power' })[0].article.title).toBe('Battery')
    expect(index.suggest(T, 'battery', { tag: 'display' })).toEqual([])
    index.remove(T, 'a')
    expect(index.suggest(T, 'battery')).toEqual([])
    expect(index.size(T)).toBe(0)
  })
})

describe('exactKey', () => {
  it('compares codes by case, spacing and OCR repairs', () => {
    expect(exactKey(' 0x0000007b ')).toBe(exactKey('OxO000007B'))
    expect(exactKey('2100:  Detection error on HDD0')).toBe('2100: DETECTION ERROR ON HDD0')
  })
})

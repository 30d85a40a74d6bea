import { describe, expect, it } from 'vitest'
import { ERROR_CODES, PRODUCTS } from '../simulator/catalog.js'
import { KnowledgeIndex } from './search.js'
import { seedArticles } from './seed.js'

describe('the seed knowledge base', () => {
  const articles = seedArticles()

  it('has Chinese and English articles with unique ids', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30)
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
    expect(articles.filter((a) => a.id.startsWith('zh-')).length).toBeGreaterThan(15)
    expect(articles.filter((a) => a.id.startsWith('en-')).length).toBeGreaterThan(10)
  })

  it("answers every error code the simulator's customers name with that code's article, in both languages", () => {
    const index = new KnowledgeIndex()
    for (const a of articles) index.put('demo', a)
    for (const code of ERROR_CODES) {
      const zh = index.suggest('demo', `电脑蓝屏了，屏幕上显示 ${code}`)[0]
      const en = index.suggest('demo', `My laptop shows a blue screen with error ${code}.`)[0]
      expect([zh.article.id.slice(0, 3), zh.article.error_codes], code).toEqual(['zh-', expect.arrayContaining([code])])
      expect([en.article.id.slice(0, 3), en.article.error_codes], code).toEqual(['en-', expect.arrayContaining([code])])
    }
  })

  it("covers the simulator's products", () => {
    const listed = new Set(articles.flatMap((a) => a.products))
    expect(PRODUCTS.filter((p) => !listed.has(p))).toEqual([])
  })
})

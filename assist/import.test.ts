import { describe, expect, it } from 'vitest'
import { BadRequest } from '../kits/http/index.js'
import { parseCsvArticles, parseMarkdownArticles } from './import.js'

/** The BadRequest a parse throws: its field and reason. */
function refusal(parse: () => unknown): { field?: string; message: string } {
  try {
    parse()
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequest)
    return { field: (err as BadRequest).field, message: (err as Error).message }
  }
  throw new Error('expected a BadRequest')
}

describe('Markdown import', () => {
  it('makes one article per # heading, with its meta lines and the rest as body', () => {
    const md = [
      '# 蓝屏 0x0000007B',
      '',
      'tags: 蓝屏, 启动',
      'error_codes: 0x0000007B，INACCESSIBLE_BOOT_DEVICE',
      'products: ThinkPad T14s',
      '',
      '进入 BIOS。',
      '## 还不行',
      'tags: not meta here',
      '```',
      '# not a heading inside a fence',
      '```',
      '# Battery',
      'id: battery-1',
      'Charge it.',
    ].join('\n')
    expect(parseMarkdownArticles(md)).toEqual([
      {
        title: '蓝屏 0x0000007B',
        body: '进入 BIOS。\n## 还不行\ntags: not meta here\n```\n# not a heading inside a fence\n```',
        tags: ['蓝屏', '启动'],
        products: ['ThinkPad T14s'],
        error_codes: ['0x0000007B', 'INACCESSIBLE_BOOT_DEVICE'],
      },
      { id: 'battery-1', title: 'Battery', body: 'Charge it.', tags: [], products: [], error_codes: [] },
    ])
  })

  it('names the section and field of a bad article, and refuses text before the first heading', () => {
    const empty = refusal(() => parseMarkdownArticles('# A\nbody\n# B\n\n# C\nbody'))
    expect(empty.field).toBe('sections[2].body')
    expect(empty.message).toContain('line 3')
    expect(refusal(() => parseMarkdownArticles('# A\nid: bad id!\nbody')).field).toBe('sections[1].id')
    expect(refusal(() => parseMarkdownArticles('intro\n# A\nbody')).field).toBe('line 1')
    expect(refusal(() => parseMarkdownArticles('\n\n')).field).toBe('body')
  })
})

describe('CSV import', () => {
  it('reads a header row and one article a row, quoted cells and lists included', () => {
    const csv = [
      'title,body,tags,products,error_codes',
      '"Blue screen, 0x7B","Line one\nline two",blue screen;boot,ThinkPad E14,0x0000007B',
      '电池充不进电,检查适配器,,,',
    ].join('\n')
    expect(parseCsvArticles(csv)).toEqual([
      {
        title: 'Blue screen, 0x7B',
        body: 'Line one\nline two',
        tags: ['blue screen', 'boot'],
        products: ['ThinkPad E14'],
        error_codes: ['0x0000007B'],
      },
      { title: '电池充不进电', body: '检查适配器', tags: [], products: [], error_codes: [] },
    ])
  })

  it('takes the columns in any order, id included', () => {
    expect(parseCsvArticles('body,id,title\nB,a-1,T')).toEqual([
      { id: 'a-1', title: 'T', body: 'B', tags: [], products: [], error_codes: [] },
    ])
  })

  it('names the row and field of a bad row, and the column of a bad header', () => {
    const header = 'title,body,tags,products,error_codes'
    expect(refusal(() => parseCsvArticles(`${header}\nok,fine\n,no title`)).field).toBe('rows[3].title')
    const long = Array.from({ length: 31 }, (_, i) => `t${i}`).join(';')
    expect(refusal(() => parseCsvArticles(`${header}\nT,B,${long}`)).field).toBe('rows[2].tags')
    expect(refusal(() => parseCsvArticles(`${header}\nT,B,,,,extra`)).field).toBe('rows[2]')
    expect(refusal(() => parseCsvArticles('title,body,colour\nT,B,red')).field).toBe('columns[3]')
    expect(refusal(() => parseCsvArticles('title,tags\nT,x')).field).toBe('columns')
    expect(refusal(() => parseCsvArticles(header)).field).toBe('body')
  })
})

/**
 * The customer's surname from a display name, and the forms an agent uses to address them
 * (王先生, 张女士, 欧阳女士, Mr Wang, Ms. Minh).
 */
import { boundedMemo } from '../core/index.js'

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '闻人',
  '澹台',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '申屠',
  '百里',
  '东郭',
]

/** Surname of a display name: 1-2 leading Han characters for Chinese names, the last word otherwise. */
export function surnameOf(name: string | undefined): string | null {
  const n = name?.trim()
  if (!n) return null
  if (/^\p{Script=Han}/u.test(n)) return COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? n[0]
  const words = n.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  const last = words.at(-1)
  return last ? last[0].toUpperCase() + last.slice(1) : null
}

const ZH_TITLES = '先生|女士|小姐|老师|师傅|经理|总|同学|阿姨'
const EN_TITLES = 'Mr|Mrs|Ms|Miss|Mx|Dr|Mister|Madam'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A global regex for the forms of address built on the surname (shared: callers leave `lastIndex` at 0). Remembered
 * for 1,000 surnames: compiling one (a `giu` regex) cost more than matching it in a chat.
 */
export const addressPattern = boundedMemo(1000, (surname: string): RegExp =>
  /^\p{Script=Han}/u.test(surname)
    ? new RegExp(`${escape(surname)}(?:${ZH_TITLES})`, 'g')
    : new RegExp(`\\b(?:${EN_TITLES})\\.?\\s+${escape(surname)}\\b|${escape(surname)}(?:${ZH_TITLES})`, 'giu'),
)

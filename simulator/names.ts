/** Name banks for customers and agents, Chinese and English, with the gender used for forms of address. */
import type { Random } from '../kits/sim/index.js'

const ZH_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '欧阳',
  '司马',
]
const ZH_GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '平',
  '辉',
  '鹏',
  '浩然',
  '子轩',
  '宇航',
  '建国',
  '志强',
  '俊杰',
  '博文',
  '天佑',
]
const ZH_GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '秀英',
  '桂英',
  '秀兰',
  '婷婷',
  '欣怡',
  '雨涵',
  '梓涵',
  '佳怡',
  '晓燕',
  '丹丹',
  '思琪',
  '美玲',
]
const EN_FIRST_MALE = [
  'James',
  'John',
  'Robert',
  'Michael',
  'David',
  'Daniel',
  'Thomas',
  'Kevin',
  'Ryan',
  'Ethan',
  'Oliver',
  'Lucas',
  'Arjun',
  'Hiroshi',
  'Somchai',
]
const EN_FIRST_FEMALE = [
  'Mary',
  'Jennifer',
  'Linda',
  'Emily',
  'Sarah',
  'Jessica',
  'Emma',
  'Olivia',
  'Sophie',
  'Grace',
  'Chloe',
  'Priya',
  'Yuki',
  'Nong',
  'Mei',
]
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Taylor',
  'Clark',
  'Lee',
  'Walker',
  'Young',
  'King',
  'Wright',
  'Tanaka',
  'Sato',
  'Patel',
  'Nguyen',
  'Wong',
]
/** Latin spellings used to build Chinese customers' email addresses. */
const PINYIN: Record<string, string> = {
  王: 'wang',
  李: 'li',
  张: 'zhang',
  刘: 'liu',
  陈: 'chen',
  杨: 'yang',
  黄: 'huang',
  赵: 'zhao',
  吴: 'wu',
  周: 'zhou',
  徐: 'xu',
  孙: 'sun',
  马: 'ma',
  朱: 'zhu',
  胡: 'hu',
  郭: 'guo',
  何: 'he',
  高: 'gao',
  林: 'lin',
  罗: 'luo',
  郑: 'zheng',
  梁: 'liang',
  谢: 'xie',
  宋: 'song',
  唐: 'tang',
  韩: 'han',
  冯: 'feng',
  邓: 'deng',
  曹: 'cao',
  彭: 'peng',
  欧阳: 'ouyang',
  司马: 'sima',
}

export type Language = 'zh' | 'en'

export interface PersonName {
  /** Full display name: 王伟 or Emily Johnson. */
  full: string
  /** Surname, for forms of address. */
  surname: string
  female: boolean
  /** ASCII handle for email addresses, e.g. wang or emily.johnson. */
  latin: string
}

export function personName(rng: Random, language: Language): PersonName {
  const female = rng.chance(0.5)
  if (language === 'zh') {
    const surname = rng.pick(ZH_SURNAMES)
    const given = rng.pick(female ? ZH_GIVEN_FEMALE : ZH_GIVEN_MALE)
    return { full: surname + given, surname, female, latin: PINYIN[surname] ?? 'user' }
  }
  const first = rng.pick(female ? EN_FIRST_FEMALE : EN_FIRST_MALE)
  const last = rng.pick(EN_LAST)
  return { full: `${first} ${last}`, surname: last, female, latin: `${first}.${last}`.toLowerCase() }
}

/** How an agent addresses the customer: 王先生 / 李女士 / Mr. Smith / Ms. Lee. */
export function formOfAddress(name: PersonName, language: Language): string {
  if (language === 'zh') return name.surname + (name.female ? '女士' : '先生')
  return (name.female ? 'Ms. ' : 'Mr. ') + name.surname
}

/**
 * Safer phrases for what an agent should not write: unhelpful or blaming phrasing (checked as sensitive even when no
 * scorecard lists it), and the shipped scorecards' sensitive words (promises the company may not keep). Keys are
 * matched case-insensitively, as kits/words matches plain entries; the longest key that matches a span wins.
 */
export const REWORDINGS: Readonly<Record<string, string>> = {
  // Unhelpful phrasing.
  不知道: '我帮您查一下',
  我不知道: '我帮您查一下',
  这不是我们的问题: '我们一起看看怎么解决',
  不是我们的问题: '我们一起看看怎么解决',
  不归我们管: '我帮您联系负责的同事',
  你听不懂吗: '可能我没说清楚',
  听不懂吗: '可能我没说清楚',
  没办法: '我来想想其他办法',
  你自己看: '我带您一步步操作',
  随便你: '按您方便的方式来',
  系统就这样: '我把您的情况反馈给技术团队',
  "I don't know": 'let me check that for you',
  "that's not our problem": "let's work out together how to fix it",
  'not our problem': "let's work out together how to fix it",
  'calm down': 'I understand how frustrating this is',
  "that's impossible": 'let me see what I can do',
  'as I already said': 'to clarify',
  // The shipped scorecards' sensitive words: promises.
  保证没问题: '我们会尽力帮您解决',
  百分之百: '尽最大努力',
  绝对不会: '一般不会',
  肯定没问题: '应该可以解决',
  投诉也没用: '您的意见我们会认真反馈',
  guarantee: 'expect',
  '100% sure': 'confident',
  'I promise': 'I will do my best',
  'never happen': 'be very unlikely',
}

/** Phrases to check beside the scorecard's lists: the unhelpful ones above. */
export const PHRASING: readonly string[] = Object.keys(REWORDINGS)

const lowered = new Map(Object.entries(REWORDINGS).map(([k, v]) => [k.toLowerCase(), v]))

/** The safer phrase for a matched span, when the table knows one. */
export const rewordingOf = (word: string): string | undefined => lowered.get(word.toLowerCase())

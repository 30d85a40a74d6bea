/**
 * The review desk's notice for calls that wait for a Whisper model, in Chinese and English. The command is the CLI's
 * (transcribe/models-command.ts); a running Mofang loads the model by itself once the file is there.
 */
const PULL = 'mofang models pull tiny'

const zh = {
  title: '通话尚未质检',
  waiting: (n: number) => `${n} 通电话在等待 Whisper 语音识别模型，尚未转写，也未质检。`,
  howTo: `获取模型：运行 ${PULL}（在源码目录中：npx ${PULL}）。模型就位后，系统会自动加载并处理积压的通话。`,
}

const en: typeof zh = {
  title: 'Calls not scored yet',
  waiting: (n: number) =>
    `${n} ${n === 1 ? 'call waits' : 'calls wait'} for a Whisper model: not transcribed, so not scored.`,
  howTo: `Get one: run ${PULL} (from a checkout: npx ${PULL}). Mofang loads it by itself and works off the waiting calls.`,
}

export type CallsWaitingLabels = typeof zh
export const callsWaitingLabels = (lang: 'zh' | 'en'): CallsWaitingLabels => (lang === 'en' ? en : zh)

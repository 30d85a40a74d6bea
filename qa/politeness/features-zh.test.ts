import { describe, it, expect } from 'vitest'
import { zhStrategies } from './features-zh.js'
import { strategiesOf, type Strategy } from './strategies.js'

const found = (text: string) => strategiesOf(zhStrategies(text))
const yes = (strategy: Strategy, ...texts: string[]) => {
  for (const t of texts) expect(found(t), t).toContain(strategy)
}
const no = (strategy: Strategy, ...texts: string[]) => {
  for (const t of texts) expect(found(t), t).not.toContain(strategy)
}

describe('Chinese politeness strategies', () => {
  it('gratitude; 不用谢 / 不客气 are not thanks', () => {
    yes('gratitude', '谢谢您的耐心等待', '感谢您的来电', '辛苦了', '麻烦您了')
    no('gratitude', '不用谢，应该的', '不客气')
    yes('positive', '不用谢，应该的')
  })

  it('deference and greeting; 你好好看看 is not a greeting', () => {
    yes('deference', '理解您的心情', '您说得对，是我们的疏忽')
    yes('greeting', '您好，请问有什么可以帮您？', '你好，我是小王', '早上好')
    no('greeting', '你好好看看说明书')
    yes('imperative', '你好好看看说明书')
  })

  it('apologizing; 给您添麻烦了 is an apology, not 麻烦 (trouble)', () => {
    yes('apologizing', '不好意思让您久等了', '非常抱歉', '对不起', '给您添麻烦了')
    no('negative', '给您添麻烦了')
    no('please', '给您添麻烦了')
  })

  it('请问 / 请您 vs 请你马上: please, please at a clause start, or a bare imperative', () => {
    yes('please', '请问您的订单号是多少？', '好的王先生，请问是哪个型号？')
    no('please_start', '请问您的订单号是多少？')
    yes('please_start', '请稍等', '好的，请稍候')
    for (const demand of ['请你马上把地址发过来', '请你立刻关机']) {
      yes('imperative', demand)
      no('please', demand)
      no('please_start', demand)
    }
  })

  it('麻烦您 / 劳驾 are please; 麻烦 inside a clause is negative', () => {
    yes('please', '麻烦您提供一下订单号', '劳驾念一下序列号', '麻烦提供一下手机号')
    yes('negative', '这个很麻烦', '你这人怎么这么麻烦')
    no('please', '这个很麻烦')
  })

  it('indirect 顺便', () => {
    yes('btw', '顺便问一下，您需要发票吗？')
  })

  it('direct questions; 什么 / 怎么 only at a clause start', () => {
    yes('direct_question', '为什么还没发货？', '什么问题？', '你好，我是小王。什么事？', '你到底要什么')
    no('direct_question', '请问有什么可以帮您？', '请问怎么称呼您？')
  })

  it('direct start at a clause start only', () => {
    yes('direct_start', '所以呢？', '但是这个不行')
    no('direct_start', '这个但是不太行')
  })

  it('softened (counterfactual) vs plain (indicative) requests', () => {
    yes('counterfactual', '能否发一张照片？', '这样可以吗？', '不知道您是否方便', '如果方便的话，请回电')
    yes('indicative', '能不能快点', '可不可以先寄过来')
    no('counterfactual', '能不能快点')
  })

  it('persons: 我 / 我们 / 你 / 您; 您 is the honorific, not plain second person', () => {
    yes('first_person_start', '我帮您查一下', '好的，我马上处理')
    yes('first_person', '请帮我看看')
    yes('first_person_plural', '我们会尽快处理', '咱们一起看看')
    yes('second_person_start', '你先把序列号发过来', '你们自己看')
    yes('second_person', '谢谢你的耐心')
    yes('honorific', '您稍等')
    no('second_person', '您稍等')
    no('second_person_start', '您稍等')
  })

  it('hedges and factuality', () => {
    yes('hedges', '可能是驱动的问题', '建议您先备份数据')
    yes('factuality', '其实这个功能可以关掉', '明明是你填错了', '根本不是我们的问题')
  })

  it('positive and negative lexicon', () => {
    yes('positive', '很高兴为您服务', '您放心', '祝您生活愉快')
    yes('negative', '太离谱了', '无语', '没办法')
  })

  it('bare imperatives; 马上为您 is a promise, not an order', () => {
    yes('imperative', '给我把订单号发过来', '赶紧发照片', '快点说', '别问了', '马上把地址发过来', '等着。', '说。')
    no('imperative', '我马上为您处理', '好的，马上为您核实', '收到，马上处理', '您别着急', '请您稍等')
  })

  it('challenging questions', () => {
    yes('challenge', '难道你不知道吗？', '你不会自己看物流吗？', '这都不会？', '为什么不早说？')
    no('challenge', '为什么会这样呢？')
  })

  it('rude expressions (你听不懂吗, 不归我管…)', () => {
    yes('rude', '你听不懂吗？', '这不归我管', '跟我说没用', '爱买不买', '我已经说过了')
    no('rude', '您听得清楚吗？')
  })
})

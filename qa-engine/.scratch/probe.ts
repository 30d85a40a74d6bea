import { loadSentimentModel } from '../sentiment/model.js'
const m = loadSentimentModel()
for (const t of ['您好，很高兴为您服务', '好的，请稍等', '我的电脑开不了机了', '这是什么破服务，气死我了', '谢谢你，解决了', '很抱歉，这个我们无法办理，但您可以去官网申请', '我要投诉你们', '还是不行，太离谱了', '嗯', '请问您的订单号是多少？', 'Thank you so much!', 'this is ridiculous', 'I need to return an item', 'not good', 'my ThinkPad X1 Carbon 一直蓝屏，很烦'])
  console.log(m.score(t).toFixed(2), m.zhLogit(t).toFixed(2), t)

import { scoreInteraction } from '../pipeline.js'
const zh = { interaction_id: 'z1', customer_name: '欧阳娜娜', turns: [
  { role: 'customer', text: '你好，我的ThinkPad X1 Carbon Gen 11一直蓝屏，错误代码0x0000007B，INACCESSIBLE_BOOT_DEVICE，气死我了', ts: 0 },
  { role: 'agent', text: '您好，欧阳女士，很高兴为您服务，请问您的订单号是多少？', ts: 10000 },
  { role: 'customer', text: '订单号 A20240517001，我手机13812345678', ts: 20000 },
  { role: 'agent', text: '这不归我们管，你自己去问厂家', ts: 30000 },
  { role: 'agent', text: '很抱歉，这个我们无法办理，但您可以去官网申请。欧阳女士，还有其他问题吗？', ts: 40000 },
  { role: 'customer', text: '好的，谢谢', ts: 50000 },
  { role: 'agent', text: '感谢您的来电，祝您生活愉快', ts: 55000 } ] } as const
console.log(JSON.stringify(scoreInteraction(zh as never), null, 1))

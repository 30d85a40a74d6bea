import { redact, validCnId } from '../pii.js'
for (const t of ['我的手机是13812345678，身份证11010519491231002X', '卡号 6222 0200 0000 0000 001 不对', '卡号4111111111111111', 'call me at +44 20 7946 0958 or (977) 625-2661', '座机010-62345678', '订单号是1381234567890123', '蓝屏 0x0000007B', 'email cminh730@email.com ok', '订单号 3348917502', 'Order ID: 3348917502', '我的身份证110105194912310021'])
  console.log(JSON.stringify(redact(t)))
console.log(validCnId('11010519491231002X'))

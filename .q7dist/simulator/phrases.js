export const ZH = {
    symptoms: [
        '蓝屏',
        '开机黑屏',
        '开机没反应',
        '电池充不进电',
        '屏幕一直闪',
        '键盘有几个键失灵',
        '风扇声音特别大',
        'WiFi 老是断',
        '触控板没反应',
        '摄像头打不开',
    ],
    botGreeting: [
        '您好，我是智能助手小方，请问有什么可以帮您？',
        '欢迎咨询！我是小方，您可以直接描述您的问题。',
        '您好～请简单描述一下您遇到的问题，小方帮您查一查。',
    ],
    botSuggest: {
        repair: [
            '您可以尝试长按电源键10秒强制关机后重启，或进入“设备诊断”自助检测。',
            '建议您先更新 BIOS 和驱动，很多{symptom}问题都能解决哦。',
        ],
        presales: [
            '{model} 的最新配置和价格请查看官网商品页，当前有以旧换新活动。',
            '您可以在“选购助手”里对比不同型号的配置。',
        ],
        aftersales: [
            '退换货政策：签收7天内无理由退货，15天内质量问题可换货。',
            '发票可以在“我的订单-申请发票”中自助开具。',
        ],
        complaints: [
            '非常抱歉给您带来不好的体验，您可以留下问题描述，我们会尽快处理。',
            '您的反馈对我们很重要，请描述具体情况。',
        ],
    },
    botContained: ['好的，我试试，谢谢', '行，解决了，谢谢', '明白了，我自己弄一下', '好的知道了'],
    askHuman: {
        calm: ['转人工', '我想找人工客服', '能帮我转人工吗？谢谢'],
        angry: ['转人工！！', '别跟我扯这些，找个真人来', '机器人没用，马上转人工'],
    },
    botHandoff: ['正在为您转接人工客服，请稍候…', '好的，已为您转接{queue}专员，请稍等。'],
    agentGreeting: {
        polite: [
            '您好，我是客服{agent}，很高兴为您服务，请问有什么可以帮您？',
            '{addr}您好！我是{agent}，请问有什么可以帮您？',
            '您好，{agent}为您服务，让您久等了，请问遇到什么问题了呢？',
        ],
        neutral: ['你好，我是{agent}。什么问题？', '你好，请说。', '在的，请讲。'],
        rude: ['说。', '什么事？', '有事快说，排队的人很多。', '又怎么了？'],
    },
    issue: {
        repair: {
            calm: [
                '我的 {model} 开机就{symptom}，屏幕上显示 {error}',
                '你好，我的电脑{symptom}了，型号是 {model}',
                '{model} 最近老是{symptom}，怎么处理？',
                '电脑昨天更新完系统以后就蓝屏了，错误代码 {error}',
            ],
            angry: [
                '我这台 {model} 才买了两个月就{symptom}，你们这什么质量？',
                '又蓝屏了！{error}！这已经是第三次了！',
                '你们的电脑{symptom}，我工作全耽误了，今天必须给我解决！',
            ],
        },
        presales: {
            calm: [
                '请问 {model} 现在有货吗？有没有优惠？',
                '我想买 {model}，16G 内存够用吗？',
                '{model} 和小新 Pro 14 哪个更适合编程？',
                '现在下单 {model} 多久能到？',
            ],
            angry: ['我问了三遍 {model} 到底有没有货，没人回答！', '说好的优惠价 {price} 元，怎么下单变贵了？'],
        },
        aftersales: {
            calm: [
                '我的订单 {order} 还没发货，能帮我查一下吗？',
                '订单 {order} 想申请退货，怎么操作？',
                '我需要开增值税专用发票，订单号 {order}',
                '收到的 {model} 外壳有划痕，可以换吗？',
            ],
            angry: [
                '订单 {order} 都十天了还没到货，你们到底发没发？',
                '退款申请提交一周了还没退，钱呢？',
                '快递把箱子都压坏了，{model} 屏幕裂了，怎么说？',
            ],
        },
        complaints: {
            calm: [
                '我要投诉一下，上次维修以后问题还在',
                '我想反映一下服务站的态度问题',
                '之前说好48小时回电，到现在没人联系我',
            ],
            angry: [
                '我要投诉！你们的服务太差劲了！',
                '已经打了五次电话了，每次都让我等，你们还想不想做了？',
                '服务站的人态度恶劣，我要投诉到底！',
                '再不解决我就去 12315 投诉你们！',
            ],
        },
    },
    agentProbe: {
        polite: [
            '好的{addr}，麻烦您提供一下订单号或主机编号（SN），我帮您查询。',
            '理解您的心情，请问电脑的型号和购买时间是？',
            '请问{symptom}是从什么时候开始的呢？',
        ],
        neutral: ['订单号多少？', '型号和SN码发一下。', '什么时候买的？'],
        rude: ['订单号呢？不给我怎么查？', '你先把 SN 发过来。', '你到底什么型号？说清楚。'],
    },
    details: [
        '订单号是 {order}',
        'SN：{sn}，{model}',
        '是 {model}，去年双十一买的',
        '主机编号 {sn}，订单 {order}',
        '大概{days}天前开始的',
    ],
    pii: ['我的手机号是 {phone}，有问题打这个电话', '邮箱 {email}，发票发这里就行', '联系电话 {phone}，收件人写我就行'],
    agentConfirmPii: ['跟您核对一下，手机号 {phone} 对吗？', '好的，已为您登记邮箱 {email}。'],
    agentHold: {
        polite: ['请您稍等，我帮您查询一下。', '好的，请稍候，我马上为您核实。', '麻烦您稍等片刻，我这边查一下记录。'],
        neutral: ['等一下。', '我查查。'],
        rude: ['等着。', '别催，在查。'],
    },
    agentBack: {
        polite: ['感谢您的耐心等待。', '{addr}，让您久等了。', '感谢您的耐心等待，已经帮您查到了。'],
        neutral: ['查到了。', '好了。'],
        rude: ['查到了，听好。', '行了。'],
    },
    solution: {
        repair: [
            '建议您先进入 BIOS 恢复默认设置，如果还是{symptom}，可以携带电脑和购机凭证到就近的服务站检测，在保修期内免费维修。',
            '{error} 一般是硬盘模式或驱动问题，我给您发一份处理步骤，按步骤操作即可；如果不行我们安排上门服务。',
            '已经为您登记了上门维修，工程师会在24小时内联系您。',
        ],
        presales: [
            '{model} 目前有现货，今天下单享受 {price} 元的优惠价，一般2-3天送达。',
            '如果主要用来编程，建议选择 32G 内存的版本，{model} 可以加装。',
            '目前官网和京东自营都有货，支持12期免息。',
        ],
        aftersales: [
            '订单 {order} 已经在途，预计明天送达，我帮您加急催一下。',
            '已为您提交退货申请，快递员会在1-2天内上门取件，退款在收货后3个工作日内原路返回。',
            '发票已重新开具，会发送到您的邮箱。',
        ],
        complaints: [
            '非常抱歉给您带来不好的体验，已经为您升级处理，专人会在24小时内回电。',
            '我们已记录您的投诉，并为您申请了补偿，确认后会短信通知您。',
            '抱歉让您多次来电，这次我全程跟进，直到问题解决。',
        ],
    },
    blame: [
        '这不归我们管，你自己去问厂家。',
        '这不是我们的问题，是你自己操作不当。',
        '这个你得找售后，跟我说没用。',
        '你自己去问厂家吧，我们解决不了。',
        '说明书上写得很清楚，你没看吗？',
        '系统就是这样，我也没办法。',
    ],
    followUp: {
        calm: ['那大概需要多久？', '保修期内是免费的吗？', '数据会不会丢？', '能开发票吗？'],
        angry: ['到底要多久？！', '你们每次都这么说！', '那我的损失谁来赔？'],
    },
    agentFollowUpAnswer: {
        polite: [
            '一般3-5个工作日，我会帮您跟进进度。',
            '保修期内是免费的，您放心。',
            '建议您提前备份重要数据，我们会尽量保护您的数据。',
        ],
        neutral: ['3到5天。', '保修期内免费。'],
        rude: ['不知道，等通知。', '我怎么知道，看情况。'],
    },
    thanks: ['好的，谢谢！', '明白了，麻烦你了', '好的，辛苦了', '行，那就这样，谢谢'],
    unhappy: {
        calm: ['好吧……', '那我再等等吧'],
        angry: ['什么态度！我要投诉你！', '算了，跟你说不清楚', '你叫什么名字？我要投诉！'],
    },
    agentTransfer: {
        polite: ['这个问题需要{queue}同事处理，我现在帮您转接，请稍候。', '为了更好地帮您解决，我帮您转到{queue}专员。'],
        neutral: ['这个要转{queue}。'],
        rude: ['这个不归我们管，转{queue}去。'],
    },
    agentClosing: {
        polite: [
            '请问还有其他可以帮您的吗？',
            '还有其他可以帮您的吗？祝您生活愉快！',
            '感谢您的来电/咨询，祝您生活愉快，再见！',
            '稍后会有满意度评价，麻烦您给个好评，谢谢！',
        ],
        neutral: ['还有别的问题吗？', '那就这样。'],
        rude: ['没别的事我结束了。', '就这样吧。', '行了，还有事吗？没有就下线了。'],
    },
    bye: { calm: ['没有了，谢谢，再见', '好的，再见', '没了，拜拜'], angry: ['不用了', '哼', '再见'] },
    ticketSubject: {
        repair: ['{model} {symptom}，需要维修', '电脑蓝屏 {error}', '申请上门维修：{model}'],
        presales: ['{model} 企业批量采购咨询', '咨询 {model} 配置与报价'],
        aftersales: ['订单 {order} 退货申请', '订单 {order} 发票问题', '订单 {order} 物流查询'],
        complaints: ['投诉：维修后问题未解决', '投诉：服务站态度恶劣', '投诉：承诺回电未兑现'],
    },
    internalNote: [
        '已联系服务站，等待备件到货。',
        '客户情绪激动，注意安抚。',
        '已升级给二线技术支持。',
        '已核实购买记录，在保修期内。',
    ],
    resolution: ['已更换主板，测试正常', '已完成退款', '已重新开具发票', '已上门维修，问题解决', '已补发配件'],
    reopenReason: ['问题再次出现', '客户表示未收到退款', '发票信息有误', '维修后又{symptom}了'],
    surveyGood: ['客服态度很好，问题解决了', '很耐心，点赞', '处理很快，满意'],
    surveyBad: ['等了太久', '问题没解决', '客服态度差，推卸责任', '转来转去没人管'],
};
export const EN = {
    symptoms: [
        'a blue screen',
        'a black screen on boot',
        'no power at all',
        "a battery that won't charge",
        'screen flickering',
        'some keys not working',
        'a very loud fan',
        'WiFi that keeps dropping',
        'a dead touchpad',
        'a camera that will not open',
    ],
    botGreeting: [
        "Hi! I'm Mofang Assistant. How can I help you today?",
        'Welcome! Tell me briefly what you need help with.',
        'Hello, I can help with orders, repairs and returns. What do you need?',
    ],
    botSuggest: {
        repair: [
            'Try holding the power button for 10 seconds, then restart. You can also run the built-in diagnostics.',
            'Updating the BIOS and drivers fixes most cases of {symptom}.',
        ],
        presales: [
            'You can compare {model} configurations on our website. There is a trade-in offer this month.',
            'Our Product Finder can help you choose the right model.',
        ],
        aftersales: [
            'Returns are free within 7 days of delivery; defective items can be exchanged within 15 days.',
            'You can download your invoice under My Orders.',
        ],
        complaints: ["I'm sorry to hear that. Please describe what happened and we will look into it."],
    },
    botContained: ['OK, that worked, thanks', "Thanks, I'll try that", 'Got it, thank you'],
    askHuman: {
        calm: ['Can I talk to a person please?', 'agent please', 'I would like to speak to a human'],
        angry: ['HUMAN. NOW.', 'This bot is useless, get me a real person', 'Stop sending me links and transfer me!'],
    },
    botHandoff: ['Connecting you to an agent, please wait…', 'Transferring you to our {queue} team now.'],
    agentGreeting: {
        polite: [
            'Hello, this is {agent}. Thank you for contacting us, how may I help you today?',
            'Hi {addr}, my name is {agent}. How can I help?',
            "Good day! I'm {agent}, sorry for the wait. What can I do for you?",
        ],
        neutral: ["Hi, {agent} here. What's the issue?", 'Hello. Go ahead.'],
        rude: ['What.', "Yeah? What's the problem now?", 'Make it quick, the queue is long.'],
    },
    issue: {
        repair: {
            calm: [
                'My {model} shows {symptom} with error {error}.',
                'Hi, my laptop ({model}) has {symptom}. Can you help?',
                'After the latest update I get a blue screen: {error}',
            ],
            angry: [
                'I bought this {model} two months ago and it already has {symptom}. Unacceptable!',
                'Blue screen AGAIN. {error}. Third time this month!',
                'Your laptop broke down in the middle of my presentation. Fix it today!',
            ],
        },
        presales: {
            calm: [
                'Is the {model} in stock? Any discounts right now?',
                'Is 16GB RAM enough on the {model} for video editing?',
                'How long does delivery take for the {model}?',
            ],
            angry: [
                'I asked three times whether the {model} is in stock and nobody answered!',
                'The price was {price} yesterday, why is it higher at checkout?',
            ],
        },
        aftersales: {
            calm: [
                'Could you check my order {order}? It has not shipped yet.',
                "I'd like to return order {order}, how do I do that?",
                'I need a VAT invoice for order {order}.',
            ],
            angry: [
                'Order {order} is ten days late. Where is it?',
                'I requested a refund a week ago and still nothing!',
                'The courier crushed the box and the {model} screen is cracked.',
            ],
        },
        complaints: {
            calm: [
                'I want to file a complaint: the problem is back after the repair.',
                'Nobody called me back within 48 hours as promised.',
            ],
            angry: [
                'I want to make a complaint. Your service is terrible!',
                "This is my fifth call and every time I'm put on hold!",
                'The repair centre staff were extremely rude. I want this escalated!',
            ],
        },
    },
    agentProbe: {
        polite: [
            'Sure {addr}, could you share your order number or the serial number so I can look it up?',
            'I understand. Which model is it, and when did you buy it?',
            'When did you first notice {symptom}?',
        ],
        neutral: ['Order number?', 'Model and serial number please.'],
        rude: ["I can't do anything without the order number.", 'Serial number. I need it.'],
    },
    details: [
        'Order number is {order}',
        'SN: {sn}, {model}',
        "It's a {model}, bought last November",
        'It started about {days} days ago',
    ],
    pii: [
        'You can reach me at {phone}',
        'My email is {email}, please send the invoice there',
        'Call me on {phone} if needed',
    ],
    agentConfirmPii: ['Just to confirm, your phone number is {phone}?', "Thanks, I've noted your email {email}."],
    agentHold: {
        polite: ['Please bear with me while I check that for you.', 'One moment please, let me look into this.'],
        neutral: ['Wait.', 'Checking.'],
        rude: ['Hold on.', "Don't rush me."],
    },
    agentBack: {
        polite: [
            'Thank you for your patience.',
            'Thanks for waiting, {addr}.',
            'Thank you for waiting, I have the details now.',
        ],
        neutral: ['OK, found it.'],
        rude: ['Right, listen.'],
    },
    solution: {
        repair: [
            'Please reset the BIOS to defaults. If you still see {symptom}, take it to the nearest service centre; repairs under warranty are free.',
            '{error} is usually a disk mode or driver issue. I will email you the steps, and if that does not help we will send an engineer.',
            "I've booked an on-site repair; the engineer will call you within 24 hours.",
        ],
        presales: [
            'The {model} is in stock and today it is {price} with free delivery in 2-3 days.',
            'For video editing I would recommend the 32GB version of the {model}.',
        ],
        aftersales: [
            'Order {order} is in transit and should arrive tomorrow; I have asked the courier to expedite.',
            'I have created the return. A courier will collect it within 1-2 days and the refund follows within 3 working days.',
            'The invoice has been reissued and sent to your email.',
        ],
        complaints: [
            "I'm very sorry about this. I've escalated your case and a supervisor will call you within 24 hours.",
            "I've logged your complaint and requested compensation for you.",
            'I will personally follow this up until it is fixed.',
        ],
    },
    blame: [
        "That's not our department.",
        'You should have read the manual.',
        "That's not our problem, contact the manufacturer.",
        'It is your own fault for installing that update.',
        'Not my job, call after-sales.',
        'The system is like that, nothing I can do.',
    ],
    followUp: {
        calm: ['How long will that take?', 'Is it free under warranty?', 'Will I lose my data?'],
        angry: ['How long?! Seriously?', 'You always say that!', 'Who pays for my lost time?'],
    },
    agentFollowUpAnswer: {
        polite: [
            'Usually 3-5 working days, and I will keep you updated.',
            'Yes, it is free under warranty.',
            'Please back up your data first; we will take care of it.',
        ],
        neutral: ['3 to 5 days.', 'Free under warranty.'],
        rude: ['No idea. Wait for the email.', 'Depends.'],
    },
    thanks: ['Great, thanks!', 'OK, thank you for your help', 'Perfect, appreciate it'],
    unhappy: {
        calm: ['Okay... I guess.', "Fine, I'll wait."],
        angry: ['What an attitude! I want your name!', 'Forget it, this is useless.', 'I will post about this everywhere.'],
    },
    agentTransfer: {
        polite: [
            'This needs our {queue} team, let me transfer you. Please hold.',
            'I will connect you with a {queue} specialist who can help better.',
        ],
        neutral: ['Transferring you to {queue}.'],
        rude: ["That's not our department. Go to {queue}."],
    },
    agentClosing: {
        polite: [
            'Is there anything else I can help you with?',
            'Thank you for contacting us. Have a wonderful day!',
            'You will get a short survey, we would appreciate your feedback. Goodbye!',
        ],
        neutral: ['Anything else?', 'OK, bye.'],
        rude: ["If that's all, I'm closing this.", 'Done. Anything else? No? Bye.'],
    },
    bye: { calm: ["No, that's all. Thanks, bye!", 'All good, bye'], angry: ['Whatever.', 'Bye.'] },
    ticketSubject: {
        repair: ['{model}: {symptom}, repair needed', 'Blue screen {error}', 'On-site repair request for {model}'],
        presales: ['Bulk purchase enquiry: {model}', 'Quote request for {model}'],
        aftersales: ['Return request for order {order}', 'Invoice problem, order {order}', 'Where is order {order}?'],
        complaints: [
            'Complaint: issue not fixed after repair',
            'Complaint: rude staff at service centre',
            'Complaint: promised call-back never came',
        ],
    },
    internalNote: [
        'Waiting for spare parts at the service centre.',
        'Customer is upset, handle with care.',
        'Escalated to tier 2.',
        'Purchase verified, under warranty.',
    ],
    resolution: [
        'Motherboard replaced, tested OK',
        'Refund completed',
        'Invoice reissued',
        'Repaired on site',
        'Missing accessory shipped',
    ],
    reopenReason: [
        'Problem came back',
        'Customer says refund not received',
        'Invoice details wrong',
        'After the repair it has {symptom} again',
    ],
    surveyGood: ['Very helpful agent, problem solved', 'Fast and friendly', 'Great service'],
    surveyBad: [
        'Waited far too long',
        'Problem not solved',
        'Agent was rude and blamed me',
        'Passed around between departments',
    ],
};
//# sourceMappingURL=phrases.js.map
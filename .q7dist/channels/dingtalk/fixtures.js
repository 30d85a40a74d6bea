/**
 * Robot message bodies as DingTalk documents them, for the tests. Sources:
 * - https://open.dingtalk.com/document/orgapp/receive-message (机器人接收消息: the HTTP headers, the group text example
 *   with senderStaffId/senderId/senderNick/conversationType "2"/msgtype text, and the picture, richText, audio,
 *   video and file content shapes)
 * - https://github.com/open-dingtalk/dingtalk-stream-sdk-python (dingtalk_stream/chatbot.py: ImageContent
 *   downloadCode, RichTextContent richText[] with text or downloadCode parts)
 * - the picture, rich text and file payloads a DingTalk robot received, kept as test resources by the Rust SDK
 *   dingtalk-stream-sdk 0.2.x (https://docs.rs/crate/dingtalk-stream-sdk/0.2.5/source/test_resources/)
 */
export const STAFF_ID = '032615015535634423';
export const CREATED_AT = 1774084180700;
const sender = {
    chatbotCorpId: 'dinge19e25c0b3f73fd635c2f4657eb6378f',
    chatbotUserId: '$:LWCP_v1:$01B/44e/ph+R21B/X+43WLnAcUVO5BKL',
    conversationId: 'cidh6ezDLHQau9V23Es/xSLNoiDDmPuN354KylQ2BaIhuM=',
    conversationType: '1',
    createAt: CREATED_AT,
    isAdmin: false,
    openThreadId: 'cidh6ezDLHQau9V23Es/xSLNoiDDmPuN354KylQ2BaIhuM=',
    robotCode: 'dingf0apw4ibx5u5ktba',
    senderCorpId: 'dinge19e25c0b3f73fd635c2f4657eb6378f',
    senderId: '$:LWCP_v1:$gzXDEXQDiM8piyLH4HRRcg==',
    senderNick: '赵文浩 022-3819',
    senderPlatform: 'Mac',
    senderStaffId: STAFF_ID,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=3dc9981636af125faaf72220d6242ff7',
    sessionWebhookExpiredTime: 1774089580936,
};
/** The document's example, as printed: a group member @-mentions the robot (the mention becomes a leading space). */
export const groupText = {
    conversationId: 'xxx',
    atUsers: [{ dingtalkId: 'xxx', staffId: 'xxx' }],
    chatbotCorpId: 'dinge8a565xxxx',
    chatbotUserId: '$:LWCP_v1:$Cxxxxx',
    msgId: 'msg0xxxxx',
    senderNick: '杨xx',
    isAdmin: true,
    senderStaffId: 'user123',
    sessionWebhookExpiredTime: 1613635652738,
    createAt: 1613630252678,
    senderCorpId: 'dinge8a565xxxx',
    conversationType: '2',
    senderId: '$:LWCP_v1:$Ff09GIxxxxx',
    conversationTitle: '机器人测试-TEST',
    isInAtList: true,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=xxxxx',
    text: { content: ' 你好' },
    msgtype: 'text',
};
export const picture = {
    ...sender,
    msgId: 'msgmJpewjjmDF5LPJdRs9n/ZA==',
    msgtype: 'picture',
    content: {
        downloadCode: 'mIofN681YE3f/+m+NntqpSkhBVXbzJynU67dC5w0IbHqPuOOPVtSALtsbDyGLuDijgWKMXcnIgmPgRWOrlUKIKVsmjhb8VBL70N4',
        pictureDownloadCode: '9hSK+hQyEBYgEqGyDfnb895KcSkJuo7Jl8X9zYsDnL4+A4TMpKvgviXL8Pql+KBmZDTtLB2vFFQzrqiXlHP4NLkY1AYon',
    },
};
export const richText = {
    ...sender,
    msgId: 'msgGDkZWYZlvw7rFtTHcDIFWw==',
    msgtype: 'richText',
    content: {
        richText: [
            {
                downloadCode: 'mIofN681YE3f/+m+NntqpeLZQiMFIZMEPWAhjFjD1g5L/SdG/3lCmLWzqy7s5q3xZP0gXOtjqyc7cG4bLnKOAVclIf1czUyS8',
                pictureDownloadCode: '9hSK+hQyEBYgEqGyDfnb895KcSkJuo7Jl8X9zYsDnL4+A4TMpKvgviXL8Pql+KBmzT/99CK105IQ+TGkQJfFPW',
                type: 'picture',
            },
            { text: '\n' },
            { text: 'abc' },
        ],
    },
};
/** The document's audio and video shapes (download codes shortened). */
export const audio = {
    ...sender,
    msgId: 'msgAudio4bK2dZQn7XaF0w==',
    msgtype: 'audio',
    content: { duration: 4000, downloadCode: 'pRQmT3rF0Xk+audio/code==', recognition: '钉钉，让进步发生' },
};
export const video = {
    ...sender,
    msgId: 'msgVideo9cP1eYRm2WbG1x==',
    msgtype: 'video',
    content: { duration: 10, downloadCode: 'vQnSU4sG1Yl+video/code==', videoType: 'mp4' },
};
export const file = {
    ...sender,
    msgId: 'msgBCO626EXCHXfZoDioTCPxg==',
    msgtype: 'file',
    content: {
        downloadCode: 'PsPvi/1l+zhLx9mFMp6GOhQ5Y6vrPUEyIZ4uLeypytpwXVxvelZZ6CupoOhrVpWBQ7U5hh92A8d8TQ279iyimynEyAIcEWSd6o36',
        fileId: '214980176385',
        fileName: '一种跨站脚本漏洞攻击防御方法及装置',
        spaceId: '28455378906',
    },
};
/** A type the receive-message document does not list for what people send (robots send cards). */
export const interactiveCard = {
    ...sender,
    msgId: 'msgCard==',
    msgtype: 'interactiveCard',
    content: { cardData: '{}' },
};
//# sourceMappingURL=fixtures.js.map
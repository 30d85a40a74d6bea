/**
 * The fixed shape of the simulated centre: channels and their mix, queues and skills,
 * teams and sites, products and error codes, and which identities each channel reveals.
 */
import { LIVE_CHAT_CHANNELS } from '../core/index.js';
/** Share of contacts per channel at the peak (sums to 1). */
export const CHANNEL_MIX = [
    ['voice', 0.4],
    ['wechat', 0.14],
    ['wecom', 0.02],
    ['webchat', 0.1],
    ['app', 0.11],
    ['email', 0.06],
    ['ticket', 0.05],
    ['dingtalk', 0.04],
    ['facebook', 0.04],
    ['line', 0.04],
];
/** Channels whose contacts are live chats handled by agents (email and ticket become tickets). */
export const CHAT_CHANNELS = new Set(LIVE_CHAT_CHANNELS);
/** Probability a new customer first seen on a channel writes in English. */
export const ENGLISH_SHARE = { facebook: 0.85, line: 0.7, email: 0.3, webchat: 0.15 };
export const DEFAULT_ENGLISH_SHARE = 0.06;
export const QUEUES = [
    {
        id: 'repair',
        zh: '维修',
        en: 'Repair',
        skill: 'repair',
        share: 0.36,
        talkMedianS: 210,
        baseResolution: 0.72,
        ivrChoice: '1',
    },
    {
        id: 'presales',
        zh: '售前',
        en: 'Pre-sales',
        skill: 'presales',
        share: 0.24,
        talkMedianS: 140,
        baseResolution: 0.9,
        ivrChoice: '2',
    },
    {
        id: 'aftersales',
        zh: '售后',
        en: 'After-sales',
        skill: 'aftersales',
        share: 0.3,
        talkMedianS: 170,
        baseResolution: 0.8,
        ivrChoice: '3',
    },
    {
        id: 'complaints',
        zh: '投诉',
        en: 'Complaints',
        skill: 'complaints',
        share: 0.1,
        talkMedianS: 270,
        baseResolution: 0.55,
        ivrChoice: '4',
    },
    {
        id: 'vip',
        zh: 'VIP专席',
        en: 'VIP',
        skill: 'vip',
        share: 0,
        talkMedianS: 200,
        baseResolution: 0.88,
        ivrChoice: '0',
    },
];
export const QUEUE_BY_ID = new Map(QUEUES.map((q) => [q.id, q]));
/** Extra skill an agent needs to serve English-speaking customers. */
export const ENGLISH_SKILL = 'english';
/** Teams with the sites they sit in; agents are spread over them round robin. */
export const TEAMS = [
    { name: 'repair-voice-sh', site: 'shanghai', primary: 'repair', media: 'voice' },
    { name: 'sales-voice-cd', site: 'chengdu', primary: 'presales', media: 'voice' },
    { name: 'care-voice-cd', site: 'chengdu', primary: 'aftersales', media: 'voice' },
    { name: 'repair-digital-dl', site: 'dalian', primary: 'repair', media: 'digital' },
    { name: 'care-digital-sh', site: 'shanghai', primary: 'aftersales', media: 'digital' },
    { name: 'repair-voice-dl', site: 'dalian', primary: 'repair', media: 'voice' },
    { name: 'sales-digital-sh', site: 'shanghai', primary: 'presales', media: 'digital' },
    { name: 'complaints-voice-sh', site: 'shanghai', primary: 'complaints', media: 'voice' },
    { name: 'care-voice-sh', site: 'shanghai', primary: 'aftersales', media: 'voice' },
    { name: 'complaints-digital-cd', site: 'chengdu', primary: 'complaints', media: 'digital' },
];
/** Back-office teams that own tickets, by queue. */
export const TICKET_TEAMS = {
    repair: 'backoffice-repair',
    presales: 'backoffice-sales',
    aftersales: 'backoffice-care',
    complaints: 'backoffice-complaints',
    vip: 'backoffice-vip',
};
export const HOTLINE = '400-820-8820';
export const PRODUCTS = [
    'ThinkPad X1 Carbon',
    'ThinkPad T14s',
    'ThinkPad E14',
    '拯救者 Y9000P',
    '拯救者 R9000P',
    '拯救者 Y7000',
    '小新 Pro 14',
    '小新 Pro 16',
    '小新 Air 15',
    'YOGA Pro 14s',
    'ThinkBook 14+',
    'ThinkCentre M70q',
];
export const ERROR_CODES = [
    '0x0000007B',
    '0x000000EF',
    '0xC000021A',
    '0x00000124',
    'INACCESSIBLE_BOOT_DEVICE',
    '2100: Detection error on HDD0',
    'Error 0271',
];
/** Which identities a contact on a channel shows, with the chance each one is present. */
export const REVEALS = {
    voice: [['phone', 1]],
    wechat: [
        ['wechat_openid', 1],
        ['wechat_unionid', 0.3],
        ['phone', 0.45],
    ],
    wecom: [
        ['wecom_external_userid', 1],
        ['phone', 0.4],
    ],
    app: [
        ['app_user_id', 1],
        ['phone', 0.7],
    ],
    webchat: [
        ['email', 0.6],
        ['phone', 0.35],
    ],
    dingtalk: [
        ['dingtalk_id', 1],
        ['phone', 0.4],
    ],
    facebook: [
        ['facebook_psid', 1],
        ['email', 0.3],
    ],
    line: [
        ['line_user_id', 1],
        ['email', 0.3],
    ],
    email: [['email', 1]],
    ticket: [
        ['email', 0.8],
        ['crm_id', 0.5],
        ['phone', 0.4],
    ],
    bot: [],
};
/** Where a chat began (chat.started entry), per channel. */
export const CHAT_ENTRIES = {
    wechat: ['official_account_menu', 'mini_program', 'service_account_message'],
    webchat: ['product_page', 'support_center', 'order_status_page'],
    app: ['help_center', 'order_detail', 'device_diagnostics'],
    wecom: ['kf_link'],
    dingtalk: ['enterprise_service_group'],
    facebook: ['page_messenger'],
    line: ['official_account'],
};
/** Reasons for agent.not_ready, with how long each lasts (median minutes). */
export const BREAK_REASONS = { lunch: 45, break: 15, training: 60, meeting: 30 };
//# sourceMappingURL=catalog.js.map
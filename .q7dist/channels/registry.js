import { dingtalkAdapter } from './dingtalk/adapter.js';
import { emailAdapter } from './email/adapter.js';
import { facebookAdapter } from './facebook/adapter.js';
import { lineAdapter } from './line/adapter.js';
import { wechatAdapter } from './wechat/adapter.js';
import { wecomAdapter } from './wecom/adapter.js';
// Each adapter is typed by its own credentials; the registry serves them as one kind.
const all = [
    wechatAdapter,
    wecomAdapter,
    dingtalkAdapter,
    facebookAdapter,
    lineAdapter,
    emailAdapter,
];
export const ADAPTERS = new Map(all.map((a) => [a.platform, a]));
//# sourceMappingURL=registry.js.map
/**
 * The public API of channels/: the platforms' webhooks (WeChat, WeCom, DingTalk, Messenger, LINE, e-mail) mapped to
 * Mofang events, their attachments and conversations, and the PBX feed.
 * Other folders import only this file.
 */
export { PLATFORMS } from './adapter.js';
export { ADAPTERS } from './registry.js';
export { loadChannelCredentials, DEV_TENANT } from './config.js';
export { eventIdOf, threadInteractionId } from './endpoint.js';
export { sessionInteractionId } from './sessions.js';
export { parseAmiFeeds } from './pbx/settings.js';
export { channelsService } from './service.js';
//# sourceMappingURL=index.js.map
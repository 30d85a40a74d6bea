/**
 * The public API of channels/: the platforms' webhooks (WeChat, WeCom, DingTalk, Messenger, LINE, e-mail) mapped to
 * Mofang events, their attachments and conversations, and the PBX feed.
 * Other folders import only this file.
 */
export { PLATFORMS, type ChannelAdapter, type Platform, type PlatformRequest, type SampleMessage } from './adapter.js'
export { ADAPTERS } from './registry.js'
export { createAttachmentStore, sniffContentType, type AttachmentStore } from './attachments.js'
export { loadChannelCredentials, DEV_TENANT, type ChannelCredentials } from './config.js'
export { eventIdOf, threadInteractionId } from './endpoint.js'
export { sessionInteractionId } from './sessions.js'
export { parseAmiFeeds } from './pbx/settings.js'
export { channelsService, type ChannelsService, type ChannelsServiceOptions } from './service.js'
export type { ChannelStatus } from './status.js'

/** Every platform Mofang serves, keyed by its path segment. */
import type { ChannelAdapter, Platform } from './adapter.js'

export const ADAPTERS: ReadonlyMap<Platform, ChannelAdapter> = new Map<Platform, ChannelAdapter>([])

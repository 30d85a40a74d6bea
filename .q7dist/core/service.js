/** Names a factory (see ServiceFactory.serviceName). */
export const namedService = (serviceName, factory) => Object.assign(factory, { serviceName });
//# sourceMappingURL=service.js.map
export { reportDeliveryService } from './service.js';
export { reportDeliverySettings } from './settings.js';
//# sourceMappingURL=index.js.map
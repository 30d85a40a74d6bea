/** Refusals of the customer export and erase, printed by the commands and answered by the admin routes. */
import { BadInputError } from '../core/index.js';
/** Nothing is held about this id in this tenant (HTTP 404). */
export class UnknownCustomerError extends BadInputError {
    tenant;
    customerId;
    constructor(tenant, customerId) {
        super(`no data is held about customer ${customerId} in tenant ${tenant}`);
        this.tenant = tenant;
        this.customerId = customerId;
    }
}
/**
 * Erasing now would lose or leave data: a durable consumer has not yet read a message that holds the customer's
 * events (their rows could be written after the erase, or the other events of the message not yet be stored).
 * Nothing was deleted; try again once it has caught up (HTTP 409).
 */
export class ErasureBlockedError extends BadInputError {
}
//# sourceMappingURL=errors.js.map
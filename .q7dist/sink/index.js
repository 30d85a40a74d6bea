/**
 * The public API of sink/ (the warehouse sink: JetStream to ClickHouse, exactly once).
 * Other folders import only this file.
 */
export { startWarehouseSink } from './warehouse-sink.js';
//# sourceMappingURL=index.js.map
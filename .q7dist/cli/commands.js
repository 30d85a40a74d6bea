import { wallboardCommands } from '../web/server/commands.js';
import { runCommands, systemCommands } from '../system/commands.js';
import { simulatorCommands } from '../simulator/commands.js';
import { qaCommands } from '../qa/commands.js';
import { warehouseCommands } from '../warehouse/commands.js';
import { privacyCommands } from '../privacy/commands.js';
import { channelsCommands } from '../channels/commands.js';
import { forecastCommands } from '../forecast/commands.js';
import { routingCommands } from '../routing/commands.js';
import { rosterCommands } from '../roster/commands.js';
import { transcribeCommands } from '../transcribe/commands.js';
import { reportCommands } from '../reports/commands.js';
export const commands = [
    ...wallboardCommands,
    ...runCommands,
    ...warehouseCommands,
    ...privacyCommands,
    ...channelsCommands,
    ...systemCommands,
    ...forecastCommands,
    ...routingCommands,
    ...rosterCommands,
    ...qaCommands,
    ...reportCommands,
    ...transcribeCommands,
    ...simulatorCommands,
];
//# sourceMappingURL=commands.js.map
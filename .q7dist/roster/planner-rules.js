/** The rules the planner page rosters with (forecast/roster-api.ts), and the per-queue benchmark with them. */
import { formatClock } from './time.js';
/**
 * 8-hour shifts (two 15-minute breaks and a 30-minute unpaid lunch) starting every half hour across the opening
 * hours `open`…`close` (minutes from midnight), 4-hour part shifts (one break) every hour, two consecutive days off,
 * at most 40 paid hours, 11 hours' rest.
 */
export function plannerRules(open, close, costs) {
    const allDay = open === 0 && close >= 1440;
    const last = (len) => (allDay ? 1440 - 30 : Math.max(open, Math.min(1410, close - len)));
    return {
        intervalMinutes: 15,
        shifts: [
            { name: 'full', starts: { from: formatClock(open), to: formatClock(last(480)), every: 30 }, length: '8h' },
            { name: 'part', starts: { from: formatClock(open), to: formatClock(last(240)), every: 60 }, length: '4h' },
        ],
        breaks: [
            { name: 'break', length: '15m', earliest: '1h30m', latest: '2h30m' },
            { name: 'lunch', length: '30m', earliest: '3h30m', latest: '5h', minShiftHours: 6, paid: false },
            { name: 'break', length: '15m', earliest: '5h30m', latest: '7h', minShiftHours: 8 },
        ],
        daysOff: { count: 2, consecutive: true },
        hours: { max: 40 },
        minRestHours: 11,
        costs: { understaffed: costs.understaffed, overstaffed: costs.overstaffed },
    };
}
//# sourceMappingURL=planner-rules.js.map
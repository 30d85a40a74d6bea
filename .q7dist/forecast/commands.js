export const forecastCommands = [
    {
        path: ['forecast', 'run'],
        summary: 'forecast arrivals per interval from a history CSV, with an 80% prediction interval',
        details: [
            'history.csv: header, then `timestamp,count` (local ISO time, 5/15/30-minute intervals; absent rows = closed).',
            'target.csv: header, then one timestamp per line. Output: `ts,forecast,lo,hi`.',
            'Example: mofang forecast run --history calls.csv --target next-week.csv --output forecast.csv',
        ].join('\n'),
        options: {
            history: { type: 'string', description: 'history CSV (timestamp,count)' },
            target: { type: 'string', description: 'CSV of timestamps to forecast' },
            output: { type: 'string', short: 'o', description: 'output CSV; stdout when absent' },
            method: {
                type: 'string',
                description: 'auto, seasonal_naive, mean_weeks, holt_winters, daily_profile or ensemble',
                default: 'auto',
            },
            holidays: {
                type: 'string',
                description: 'special days: CSV `date[,factor]` or JSON; factor 0 (default) = closed',
            },
        },
        run: async (args) => (await import('./forecast-command.js')).runForecast(args),
    },
    {
        path: ['forecast', 'backtest'],
        summary: 'rolling-origin backtest of every forecasting method: WAPE and MAPE, and what auto picks',
        details: 'Example: mofang forecast backtest --history ../shared/data/bank_calls_train.csv --horizon 5d',
        options: {
            history: { type: 'string', description: 'history CSV (timestamp,count)' },
            horizon: {
                type: 'string',
                description: 'open days ahead per origin: Nd (days) or Nw (weeks of open days)',
                default: '5d',
            },
            folds: { type: 'string', description: 'rolling origins, 1-100', default: '10' },
            holidays: { type: 'string', description: 'special days to leave out of training and scoring' },
            json: { type: 'boolean', description: 'print the report as JSON' },
        },
        run: async (args) => (await import('./forecast-command.js')).runBacktestCommand(args),
    },
    {
        path: ['staffing'],
        summary: 'agents needed for a volume and service-level target (Erlang C; Erlang A with --patience; chats at once)',
        details: [
            'Example: mofang staffing --volume 100 --period 30m --aht 180 --sl 80/20 --shrinkage 0.3',
            'Chats: mofang staffing --volume 400 --period 30m --aht 300 --sl 80/60 --concurrency 3',
            'With --concurrency k each agent holds up to k chats; --aht is then the handle time of a chat handled alone,',
            'and every chat takes AHT × (1 + slowdown × (j − 1)) while its agent holds j (see README, chat concurrency).',
        ].join('\n'),
        options: {
            volume: { type: 'string', description: 'contacts offered in the period' },
            period: { type: 'string', description: 'period length: 15m, 30m, 1h or seconds', default: '30m' },
            aht: { type: 'string', description: 'average handling time, seconds' },
            sl: { type: 'string', description: 'service level target: PERCENT/SECONDS answered within', default: '80/20' },
            patience: { type: 'string', description: 'mean customer patience, seconds: adds Erlang A (abandonment)' },
            shrinkage: { type: 'string', description: 'share of paid time not on the phones (0-0.95)', default: '0' },
            'max-occupancy': {
                type: 'string',
                description: 'cap on agent occupancy (0-1); with --concurrency, on the share of chat slots in use',
                default: '1',
            },
            concurrency: { type: 'string', description: 'chats an agent handles at once (1-8; 1 = calls)', default: '1' },
            slowdown: {
                type: 'string',
                description: 'with --concurrency: share of the solo handle time each further chat adds (0-1)',
                default: '0.25',
            },
            json: { type: 'boolean', description: 'print JSON' },
        },
        run: async (args) => (await import('./staffing-command.js')).runStaffing(args),
    },
];
//# sourceMappingURL=commands.js.map
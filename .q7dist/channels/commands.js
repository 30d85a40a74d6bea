export const channelsCommands = [
    {
        path: ['channels', 'check'],
        summary: "verify each tenant's channel credentials (MOFANG_CHANNELS) and show each channel's traffic",
        details: [
            'Validates MOFANG_CHANNELS (or the dev credentials of tenant demo) against every platform, signs a sample',
            "message with each channel's credentials and runs it through its adapter (a wrong AES key or secret shows",
            "here, not at the platform), prints each webhook's path, and, when a server runs on this data directory, each",
            "channel's last message time and errors. Exits 1 when any channel fails.",
            'Example: MOFANG_CHANNELS=channels.json mofang channels check',
        ].join('\n'),
        options: { json: { type: 'boolean', description: 'print JSON instead of a table' } },
        async run(args) {
            const { checkChannels } = await import('./check-command.js');
            return checkChannels({ json: Boolean(args.values.json) });
        },
    },
];
//# sourceMappingURL=commands.js.map
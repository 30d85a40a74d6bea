export const transcribeCommands = [
    {
        path: ['models', 'pull'],
        summary: 'download Whisper ggml weights (tiny, base, small, or .en) and verify their checksum',
        details: 'Writes <data>/models/ggml-<name>.bin (or --dir), which the transcription service picks up without a restart.\nExample: mofang models pull base',
        positionals: '<tiny|base|small[.en]>',
        options: {
            dir: { type: 'string', description: 'folder for the model file; default <MOFANG_DATA_DIR>/models' },
            host: {
                type: 'string',
                description: 'model host base URL (a mirror)',
                default: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main',
            },
        },
        run: async (args) => (await import('./models-command.js')).runModelsPull(args),
    },
    {
        path: ['transcribe'],
        summary: 'transcribe recordings to NDJSON (speaker turns on stereo, silence statistics), with throughput',
        details: 'Example: mofang transcribe calls/ --output transcripts.ndjson --threads 2',
        positionals: 'DIR|FILES…',
        options: {
            output: { type: 'string', short: 'o', description: 'NDJSON output file; stdout when absent' },
            model: { type: 'string', description: 'ggml model file; default WHISPER_MODEL or <data>/models' },
            workers: { type: 'string', description: 'worker processes; default cores ÷ threads' },
            threads: { type: 'string', description: 'CPU threads per worker', default: '1' },
            language: { type: 'string', description: 'zh, en or auto', default: 'auto' },
            words: {
                type: 'string',
                description: 'domain words to keep spelled exactly (product models, error codes), comma separated',
            },
            'max-hours': { type: 'string', description: 'longest recording accepted, hours', default: '2' },
        },
        run: async (args) => (await import('./batch.js')).runTranscribe(args),
    },
];
//# sourceMappingURL=commands.js.map
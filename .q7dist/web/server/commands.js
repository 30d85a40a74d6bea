export const wallboardCommands = [
    {
        path: ['wallboard', 'hash-password'],
        summary: 'read a supervisor password from stdin and print its scrypt hash (for the supervisors list)',
        details: 'Example: printf %s "$PASSWORD" | mofang wallboard hash-password\nThe password is read from stdin so it stays out of the shell history.',
        options: {},
        async run() {
            const { hashPassword } = await import('../../kits/auth/index.js');
            const chunks = [];
            for await (const c of process.stdin)
                chunks.push(c);
            const password = Buffer.concat(chunks)
                .toString('utf8')
                .replace(/\r?\n$/, '');
            if (!password) {
                const { BadInputError } = await import('../../core/index.js');
                throw new BadInputError('no password on stdin');
            }
            console.log(await hashPassword(password));
        },
    },
];
//# sourceMappingURL=commands.js.map
/** The smallest Pulumi program: registers nothing but its stack. The synth benchmark's baseline. */
export = async () => ({});

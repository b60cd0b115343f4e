namespace CafeMenu.Hosting;

/// <summary>Any program, started as given (used for tools and, in tests, for small scripts).</summary>
public sealed class ExecutableResource : Resource
{
    internal ExecutableResource(string name, string command, string workingDirectory) : base(name)
    {
        Command = command;
        WorkingDirectory = workingDirectory;
    }

    internal string Command { get; }

    internal string WorkingDirectory { get; }

    internal override string ResourceType => "Executable";

    internal override LaunchSpec CreateLaunch(RunContext context) =>
        new(Command, [.. ExtraArguments], WorkingDirectory, BuildEnvironment(context), []);
}

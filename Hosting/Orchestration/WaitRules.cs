namespace CafeMenu.Hosting;

internal enum WaitOutcome
{
    Pending,
    Satisfied,
    Failed,
}

/// <summary>Whether a dependency's snapshot lets a waiting resource start, as Aspire's WaitFor and WaitForCompletion decide.</summary>
internal static class WaitRules
{
    public static (WaitOutcome Outcome, string? Reason) Evaluate(WaitKind kind, ResourceSnapshot dependency) => kind switch
    {
        WaitKind.Ready => dependency.State switch
        {
            ResourceState.Running when dependency.Health == ResourceHealth.Healthy => (WaitOutcome.Satisfied, null),
            ResourceState.Exited or ResourceState.Finished or ResourceState.FailedToStart =>
                (WaitOutcome.Failed, $"{dependency.Name} is {Describe(dependency)}"),
            _ => (WaitOutcome.Pending, null),
        },
        WaitKind.Completion => dependency.State switch
        {
            ResourceState.Finished => (WaitOutcome.Satisfied, null),
            ResourceState.Exited or ResourceState.FailedToStart =>
                (WaitOutcome.Failed, $"{dependency.Name} is {Describe(dependency)}"),
            _ => (WaitOutcome.Pending, null),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Describe(ResourceSnapshot snapshot) => snapshot switch
    {
        { State: ResourceState.Exited, ExitCode: { } code } => $"Exited with code {code}",
        { State: ResourceState.FailedToStart, StateReason: { } reason } => $"FailedToStart ({reason})",
        _ => snapshot.State.ToString(),
    };
}

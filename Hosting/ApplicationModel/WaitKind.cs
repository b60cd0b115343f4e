namespace CafeMenu.Hosting;

internal enum WaitKind
{
    /// <summary>Until the dependency is Running and Healthy.</summary>
    Ready,

    /// <summary>Until the dependency has Finished (exited with code 0).</summary>
    Completion,
}

internal sealed record WaitDependency(Resource Resource, WaitKind Kind);

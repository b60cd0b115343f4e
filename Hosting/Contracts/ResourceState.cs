namespace CafeMenu.Hosting;

/// <summary>The lifecycle states of a resource, named as in the Aspire dashboard.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Exited,
    Finished,
    FailedToStart,
}

/// <summary>Health shown beside <see cref="ResourceState.Running"/>.</summary>
public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}

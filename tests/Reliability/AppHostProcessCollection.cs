namespace CafeMenu.Reliability;

/// <summary>
/// The tests that start whole AppHosts as a person does run one class at a time: each AppHost is DCP, the dashboard,
/// java, node and three .NET services, and two or three at once on 2 cores starved each other (one run saw a web
/// start before its api was ready).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppHostProcessCollection
{
    public const string Name = "apphost-processes";
}

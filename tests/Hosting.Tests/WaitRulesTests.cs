namespace CafeMenu.Hosting.Tests;

public sealed class WaitRulesTests
{
    private static ResourceSnapshot Snapshot(ResourceState state, ResourceHealth health = ResourceHealth.Unknown, int? exitCode = null) =>
        new() { Name = "dep", ResourceType = "Executable", State = state, Health = health, ExitCode = exitCode };

    [Theory]
    [InlineData(ResourceState.NotStarted, ResourceHealth.Unknown, "Pending")]
    [InlineData(ResourceState.Waiting, ResourceHealth.Unknown, "Pending")]
    [InlineData(ResourceState.Starting, ResourceHealth.Unknown, "Pending")]
    [InlineData(ResourceState.Running, ResourceHealth.Unhealthy, "Pending")]
    [InlineData(ResourceState.Running, ResourceHealth.Healthy, "Satisfied")]
    [InlineData(ResourceState.Exited, ResourceHealth.Unknown, "Failed")]
    [InlineData(ResourceState.FailedToStart, ResourceHealth.Unknown, "Failed")]
    public void WaitFor_needs_running_and_healthy(ResourceState state, ResourceHealth health, string expected) =>
        Assert.Equal(expected, WaitRules.Evaluate(WaitKind.Ready, Snapshot(state, health)).Outcome.ToString());

    [Theory]
    [InlineData(ResourceState.Running, "Pending")]
    [InlineData(ResourceState.Finished, "Satisfied")]
    [InlineData(ResourceState.Exited, "Failed")]
    [InlineData(ResourceState.FailedToStart, "Failed")]
    public void WaitForCompletion_needs_a_clean_exit(ResourceState state, string expected) =>
        Assert.Equal(expected, WaitRules.Evaluate(WaitKind.Completion, Snapshot(state, ResourceHealth.Healthy)).Outcome.ToString());

    [Fact]
    public void A_failed_dependency_is_named_with_its_exit_code()
    {
        var (_, reason) = WaitRules.Evaluate(WaitKind.Completion, Snapshot(ResourceState.Exited, exitCode: 3));

        Assert.Equal("dep is Exited with code 3", reason);
    }

    [Fact]
    public void The_console_line_of_a_healthy_resource_shows_its_url()
    {
        var snapshot = Snapshot(ResourceState.Running, ResourceHealth.Healthy) with { Endpoints = [new ResourceEndpoint("http", "http://127.0.0.1:5000")] };

        Assert.Equal("dep: Running (Healthy) http://127.0.0.1:5000", ConsoleReporter.Describe(snapshot));
        Assert.Equal("dep: Exited with code 3", ConsoleReporter.Describe(Snapshot(ResourceState.Exited, exitCode: 3)));
    }
}

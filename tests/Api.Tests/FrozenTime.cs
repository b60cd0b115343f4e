namespace CafeMenu.Api.Tests;

/// <summary>A clock that does not move: every write the Api makes carries one timestamp, as two requests in one clock tick do.</summary>
internal sealed class FrozenTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

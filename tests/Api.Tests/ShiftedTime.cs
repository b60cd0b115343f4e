namespace CafeMenu.Api.Tests;

/// <summary>The system clock moved by <see cref="Shift"/>: the Api can live hours ahead while DynamoDB's TTL keeps real time.</summary>
internal sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
